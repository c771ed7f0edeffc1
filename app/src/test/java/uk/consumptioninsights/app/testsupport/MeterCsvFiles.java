package uk.consumptioninsights.app.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small Low Carbon London CSVs for import tests: a few households over a few January days, with chosen bad rows. */
public final class MeterCsvFiles {

    public static final String HEADER = "LCLid,tstp,energy(kWh/hh)";
    public static final LocalDate FIRST_DAY = LocalDate.of(2013, 1, 1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private MeterCsvFiles() {
    }

    /** A CSV as written: its file, the 1-based line numbers of the bad rows, and how many good readings it holds. */
    public record Written(Path file, List<Long> badLines, List<String> badRows, long readings, int households, int days) {

        public LocalDate lastDay() {
            return FIRST_DAY.plusDays(days - 1L);
        }
    }

    /**
     * Every half-hour of {@code days} days from 1 January 2013 (GMT, so UTC stamps and settlement days agree) for
     * MAC000002, MAC000003, …, in household order as LCL exports are; the bad rows go in after the good row at the
     * matching index in {@code badAfter}.
     */
    public static Written write(Path file, int households, int days, List<String> badRows, List<Integer> badAfter)
            throws IOException {
        List<String> good = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            String id = String.format(Locale.ROOT, "MAC%06d", h + 2);
            LocalDateTime start = FIRST_DAY.atStartOfDay();
            for (int i = 0; i < days * 48; i++) {
                double kwh = 0.05 + ((h * 7 + i) % 23) * 0.037;
                good.add(id + "," + STAMP.format(start.plusMinutes(30L * i)) + ", " + String.format(Locale.ROOT, "%.3f", kwh) + " ");
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        List<Long> badLines = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            lines.add(good.get(i));
            for (int b = 0; b < badRows.size(); b++) {
                if (badAfter.get(b) == i) {
                    lines.add(badRows.get(b));
                    badLines.add((long) lines.size());
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return new Written(file, List.copyOf(badLines), List.copyOf(badRows), good.size(), households, days);
    }

    /** Three households over two days with three bad rows: a timestamp off the half-hour, energy "abc", no household id. */
    public static Written withThreeBadRows(Path file) throws IOException {
        return write(file, 3, 2, List.of(
                        "MAC000002,2013-01-01 10:10:00, 0.120 ",
                        "MAC000003,2013-01-02 05:00:00, abc ",
                        "HOUSE4,2013-01-01 20:30:00, 0.300 "),
                List.of(20, 150, 230));
    }

    /**
     * Three households over two days, plus two well-formed but implausible readings (a negative one and 75 kWh in a
     * half-hour) from a fourth household, MAC000005, that sends nothing else: imported and kept flagged. Their lines are
     * {@link Written#badLines()}; {@link Written#readings()} counts the plausible ones only.
     */
    public static Written withTwoImplausibleReadings(Path file) throws IOException {
        return write(file, 3, 2, List.of(
                        "MAC000005,2013-01-01 20:30:00, -1.500 ",
                        "MAC000005,2013-01-01 21:00:00, 75.000 "),
                List.of(40, 41));
    }

    /** A file that is not an LCL export at all. */
    public static Path wrongHeader(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, List.of("meter,timestamp,kwh", "MAC000002,2013-01-01 00:00:00,0.1"), StandardCharsets.UTF_8);
        return file;
    }
}
