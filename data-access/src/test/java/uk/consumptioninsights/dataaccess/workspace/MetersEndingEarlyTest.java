package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.model.work.Progress;

/** A meter whose readings stop for good is counted as "data ends" on the source, not hidden and not a fault. */
class MetersEndingEarlyTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Instant FROM = Instant.parse("2013-03-01T00:00:00Z");
    private static final int DAYS = 30;

    @Test
    void onlyMetersThatStopAtLeastTwoDaysBeforeTheLastReadingAreCounted(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ending.csv");
        List<String> lines = new ArrayList<>();
        lines.add("LCLid,tstp,energy(kWh/hh)");
        // MAC000001 and MAC000002 read to the end; MAC000003 stops 10 days early, MAC000004 one day early.
        int[] stopsDaysEarly = {0, 0, 10, 1};
        for (int h = 0; h < stopsDaysEarly.length; h++) {
            for (int i = 0; i < (DAYS - stopsDaysEarly[h]) * 48; i++) {
                lines.add(String.format(Locale.ROOT, "MAC%06d,%s, %.3f ", h + 1, STAMP.format(FROM.plusSeconds(1800L * i)),
                        0.2 + 0.1 * (i % 48 >= 34 ? 1 : 0)));
            }
        }
        Files.write(csv, lines);
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"))) {
            new LondonCsvImport().importFile(csv, workspace, Progress.NONE);
            assertThat(new WorkspaceConsumptionSource(workspace).descriptor().metersEndingEarly()).isEqualTo(1);
        }
    }
}
