package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes households as a Low Carbon London export ({@code LCLid,tstp,energy(kWh/hh)}, tstp the UTC half-hour start,
 * energy with three decimals), the file the workbench's importer reads.
 */
public final class LondonLayoutCsv {

    public static final String HEADER = "LCLid,tstp,energy(kWh/hh)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private LondonLayoutCsv() {
    }

    /** Writes {@code households} to {@code file} and returns the data lines written. */
    public static long write(Path file, List<HouseholdSeries> households) throws IOException {
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (HouseholdSeries h : households) {
                for (int i = 0; i < h.size(); i++) {
                    out.write(line(h.householdId(), h.epochSeconds()[i], h.kwh()[i]));
                    out.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    static String line(String householdId, long epochSecond, double kwh) {
        return householdId + ',' + STAMP.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)) + ','
                + String.format(Locale.ROOT, "%.3f", kwh);
    }
}
