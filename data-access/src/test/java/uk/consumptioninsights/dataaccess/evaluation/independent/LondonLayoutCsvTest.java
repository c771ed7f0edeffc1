package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.importer.LondonSmartMeterCsv;
import uk.consumptioninsights.dataaccess.importer.MeterReading;
import uk.consumptioninsights.dataaccess.importer.ParsedLine;
import uk.consumptioninsights.model.series.ReadingFlag;

class LondonLayoutCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesTheLondonLayoutWithUtcStampsAndThreeDecimalsWhateverTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            long t = Instant.parse("2013-07-01T23:30:00Z").getEpochSecond();
            assertThat(LondonLayoutCsv.line("MAC000002", t, 0.2194)).isEqualTo("MAC000002,2013-07-01 23:30:00,0.219");
            assertThat(LondonLayoutCsv.line("MAC000002", t, -1.25)).isEqualTo("MAC000002,2013-07-01 23:30:00,-1.250");
            assertThat(LondonLayoutCsv.line("MAC000002", t, 123.4567)).isEqualTo("MAC000002,2013-07-01 23:30:00,123.457");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theImportersParserReadsItBackKeepingImplausibleValuesFlagged() throws Exception {
        long t0 = Instant.parse("2013-01-01T00:00:00Z").getEpochSecond();
        HouseholdSeries a = new HouseholdSeries("MAC000002", new long[] {t0, t0 + 1800, t0 + 3600}, new double[] {0.2194, -0.5, 75});
        HouseholdSeries b = new HouseholdSeries("MAC000003", new long[] {t0}, new double[] {1.0});
        Path csv = dir.resolve("half.csv");

        assertThat(LondonLayoutCsv.write(csv, List.of(a, b))).isEqualTo(4);

        assertThat(Files.readAllLines(csv)).first().isEqualTo("LCLid,tstp,energy(kWh/hh)");
        List<ParsedLine> lines = new ArrayList<>();
        try (LondonSmartMeterCsv file = LondonSmartMeterCsv.open(csv)) {
            for (ParsedLine line = file.next(); line != null; line = file.next()) {
                lines.add(line);
            }
        }
        assertThat(lines).hasSize(4);
        assertThat(((MeterReading) lines.get(0)).kwh()).isEqualTo(0.219);
        assertThat(((MeterReading) lines.get(0)).intervalStart()).isEqualTo(Instant.ofEpochSecond(t0));
        assertThat(((MeterReading) lines.get(1)).flag()).isEqualTo(ReadingFlag.NEGATIVE);
        assertThat(((MeterReading) lines.get(2)).flag()).isEqualTo(ReadingFlag.ABOVE_CEILING);
        assertThat(((MeterReading) lines.get(3)).householdId()).isEqualTo("MAC000003");
    }
}
