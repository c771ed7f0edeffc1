package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.fixture.ChildJvm;

/**
 * Three million bad lines import in a 512 MB heap: before, every rejected row stayed in memory and the same file took
 * 809 MB and ended in an OutOfMemoryError. The import runs in a child JVM with {@code -Xmx512m} on a file generated
 * line by line; the report must still count every line exactly, and its file must list every bad line by number.
 */
class RejectedLinesInBoundedMemoryTest {

    private static final int BAD_LINES = 3_000_000;
    /** The reasons a short line is rejected for; too long a line has a test of its own. */
    private static final List<RejectionKind> PER_LINE_KINDS = List.copyOf(
            EnumSet.complementOf(EnumSet.of(RejectionKind.TOO_LONG)));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void threeMillionRejectedLinesImportWithA512MbHeapAndAreAllCountedAndListed() throws Exception {
        Path csv = dir.resolve("mostly_bad.csv");
        Map<RejectionKind, Long> expected = writeMostlyBadFile(csv);
        Path workspace = dir.resolve("ws.duckdb");

        Map<String, String> result;
        try (ChildJvm child = ChildJvm.start(dir.resolve("child-errors.log"),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), SmallHeapImport.class, csv.toString(), workspace.toString())) {
            int exit = child.waitFor();
            assertThat(exit).as("exit code of the import in a 512 MB heap (3 means it ran out of memory); its errors: %s",
                    child.errors()).isZero();
            result = keyValues(child.output());
        }

        assertThat(result).containsEntry("linesRead", Long.toString(48 + 1 + BAD_LINES))
                .containsEntry("readingsImported", "49")
                .containsEntry("rejected", Long.toString(BAD_LINES))
                .containsEntry("flagged", "1")
                .containsEntry("status", "READY")
                .containsEntry("reportFile", dir.resolve("ws.import-report.csv").toString());
        expected.forEach((kind, count) -> assertThat(result).containsEntry(kind.name(), Long.toString(count)));
        assertThat(Long.parseLong(result.get("rejectedSample")))
                .isLessThanOrEqualTo(LineSampler.FIRST_LINES + (long) LineSampler.FIRST_OF_EACH_KIND * RejectionKind.values().length);

        // Every bad line is in the report file, in file order, with its number: the flagged one, then the rejected.
        try (BufferedReader report = Files.newBufferedReader(dir.resolve("ws.import-report.csv"), StandardCharsets.UTF_8)) {
            assertThat(report.readLine()).isEqualTo(ImportReportFile.HEADER);
            assertThat(report.readLine()).startsWith("50,flagged,negative,");
            long expectedLine = 51;
            long rows = 0;
            for (String row = report.readLine(); row != null; row = report.readLine()) {
                long number = Long.parseLong(row.substring(0, row.indexOf(',')));
                if (number != expectedLine) {
                    throw new AssertionError("The report file lists line " + number + " where line " + expectedLine
                            + " was expected");
                }
                assertThat(row.startsWith(number + ",rejected,")).as("row %s", row).isTrue();
                expectedLine++;
                rows++;
            }
            assertThat(rows).isEqualTo(BAD_LINES);
        }
    }

    @Test
    void aLineOfFourHundredMillionCharactersIsRejectedAsTooLongInA512MbHeap() throws Exception {
        Path csv = dir.resolve("one_huge_line.csv");
        long hugeLength = 400_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("LCLid,tstp,energy(kWh/hh)\nMAC000002,2013-01-01 00:00:00, 0.2 \n");
            char[] block = "MAC000002,".repeat(100_000).toCharArray();
            for (long written = 0; written < hugeLength; written += block.length) {
                out.write(block);
            }
            out.write("\nMAC000002,2013-01-01 00:30:00, 0.3 \n");
        }

        Map<String, String> result;
        try (ChildJvm child = ChildJvm.start(dir.resolve("child-errors.log"),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), SmallHeapImport.class, csv.toString(),
                dir.resolve("ws.duckdb").toString())) {
            assertThat(child.waitFor()).as("exit code of the import in a 512 MB heap (3 means it ran out of memory); its "
                    + "errors: %s", child.errors()).isZero();
            result = keyValues(child.output());
        }

        assertThat(result).containsEntry("linesRead", "3").containsEntry("readingsImported", "2")
                .containsEntry("rejected", "1").containsEntry(RejectionKind.TOO_LONG.name(), "1");
        assertThat(Files.readAllLines(dir.resolve("ws.import-report.csv"))).hasSize(2).last().asString()
                .startsWith("3,rejected,too_long,\"the line is 400,000,000 characters long")
                .endsWith("… (400,000,000 characters)\"");
    }

    /**
     * A day of one household (48 good lines), one negative reading of another, then {@value #BAD_LINES} lines each
     * rejected for one of the seven reasons a short line can have, in turn. Written line by line: the file is never in
     * memory.
     */
    private static Map<RejectionKind, Long> writeMostlyBadFile(Path csv) throws IOException {
        Map<RejectionKind, Long> counts = new EnumMap<>(RejectionKind.class);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("LCLid,tstp,energy(kWh/hh)\n");
            Instant start = Instant.parse("2013-01-01T00:00:00Z");
            for (int i = 0; i < 48; i++) {
                out.write("MAC000002," + STAMP.format(start.plusSeconds(1800L * i)) + ", 0.2" + (i % 10) + " \n");
            }
            out.write("MAC000003,2013-01-01 00:00:00,-0.5\n");
            for (int i = 0; i < BAD_LINES; i++) {
                RejectionKind kind = PER_LINE_KINDS.get(i % PER_LINE_KINDS.size());
                out.write(switch (kind) {
                    case WRONG_FIELD_COUNT -> "MAC000002,2013-01-01 00:00:00";
                    case INVALID_HOUSEHOLD -> "HOUSE" + i + ",2013-01-01 00:00:00,0.1";
                    case INVALID_TIMESTAMP -> "MAC000002,2013-13-01 00:00:00,0.1";
                    case OFF_HALF_HOUR -> "MAC000002,2013-01-01 00:15:00,0.1";
                    case MISSING_ENERGY -> "MAC000002,2013-01-01 00:00:00,Null";
                    case INVALID_ENERGY -> "MAC000002,2013-01-01 00:00:00,abc" + i;
                    case DUPLICATE -> "MAC000002,2013-01-01 00:30:00,0.3";
                    case TOO_LONG -> throw new AssertionError("the huge-line test covers " + kind);
                });
                out.write('\n');
                counts.merge(kind, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, String> keyValues(List<String> lines) {
        assertThat(lines).as("the child's output").contains("done");
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}
