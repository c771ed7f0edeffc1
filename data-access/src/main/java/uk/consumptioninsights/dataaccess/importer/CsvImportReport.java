package uk.consumptioninsights.dataaccess.importer;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * What a CSV import did. Every data line is accounted for: {@code linesRead = readingsImported + rejectedCount}.
 * Flagged readings are imported readings (kept, flagged as implausible). Both are counted exactly, by kind; in memory
 * the report keeps only a {@link LineSample sample} of them, and the {@code reportFile} lists every one.
 *
 * @param linesRead            data lines read, excluding the header
 * @param households           households with at least one imported reading
 * @param firstSettlementDate  London settlement day of the earliest imported reading
 * @param lastSettlementDate   London settlement day of the latest imported reading
 * @param rejected             the lines not imported: counts by kind and the first of them
 * @param flagged              the readings imported but flagged as implausible: counts by flag and the first of them
 * @param reportFile           every rejected and flagged line with its line number and reason; empty when there were none
 */
public record CsvImportReport(Path file, long linesRead, long readingsImported, int households,
                              LocalDate firstSettlementDate, LocalDate lastSettlementDate,
                              LineSample<RejectionKind, RejectedRow> rejected, LineSample<ReadingFlag, FlaggedRow> flagged,
                              Optional<Path> reportFile) {

    /** Line numbers listed per kind in the summary before it says "and N more". */
    static final int LINES_LISTED = LineSampler.FIRST_OF_EACH_KIND;

    public CsvImportReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(flagged, "flagged");
        Objects.requireNonNull(reportFile, "reportFile");
        if (flagged.total() > readingsImported) {
            throw new IllegalArgumentException("Flagged readings (" + flagged.total()
                    + ") must be among the readings imported (" + readingsImported + ")");
        }
        if (linesRead != readingsImported + rejected.total()) {
            throw new IllegalArgumentException("Lines read (" + linesRead + ") must equal readings imported ("
                    + readingsImported + ") plus rejected rows (" + rejected.total() + ")");
        }
    }

    public long rejectedCount() {
        return rejected.total();
    }

    /** How many rows were rejected for each reason, in the order of {@link RejectionKind}; reasons with none are absent. */
    public Map<RejectionKind, Long> rejectionCounts() {
        return rejected.counts();
    }

    /** The first rejected rows, in file order (see {@link LineSample#rows()}); all of them are in {@link #reportFile()}. */
    public List<RejectedRow> rejectedRows() {
        return rejected.rows();
    }

    public long flaggedCount() {
        return flagged.total();
    }

    /** The first flagged readings, in file order; all of them are in {@link #reportFile()}. */
    public List<FlaggedRow> flaggedRows() {
        return flagged.rows();
    }

    /**
     * For the UI, e.g. "Imported 1,674,718 readings for 100 households (2013-01-01 to 2013-12-31). 3 rows rejected:
     * 2 with an invalid timestamp (lines 17, 902), 1 duplicate (line 44, first seen on line 43). Every rejected or
     * flagged line is listed, with its line number and reason, in /data/lcl-20261122T0015.import-report.csv."
     */
    public String summary() {
        StringBuilder text = new StringBuilder("Imported ")
                .append(count(readingsImported, "reading", "readings"))
                .append(" for ").append(count(households, "household", "households"));
        if (firstSettlementDate != null && lastSettlementDate != null) {
            text.append(" (").append(firstSettlementDate).append(" to ").append(lastSettlementDate).append(')');
        }
        text.append(". ");
        if (!flagged.isEmpty()) {
            text.append(flaggedSentence()).append(' ');
        }
        if (rejected.isEmpty()) {
            text.append("No rows were rejected.");
        } else {
            text.append(count(rejected.total(), "row", "rows")).append(" rejected: ");
            List<String> parts = new ArrayList<>();
            rejected.counts().forEach((kind, n) -> parts.add(rejectedPart(kind, n)));
            text.append(String.join(", ", parts)).append('.');
        }
        reportFile.ifPresent(path -> text.append(" Every rejected or flagged line is listed, with its line number and "
                + "reason, in ").append(path.toAbsolutePath()).append('.'));
        return text.toString();
    }

    /** E.g. "2 readings kept but flagged as implausible, not counted in totals: 1 negative (line 17), 1 above 50 kWh (line 44)." */
    private String flaggedSentence() {
        List<String> parts = new ArrayList<>();
        flagged.counts().forEach((flag, n) -> {
            String phrase = flag == ReadingFlag.NEGATIVE ? "negative" : "above " + (int) ReadingFlag.CEILING_KWH + " kWh";
            List<String> listed = firstLines(flagged.rows(), FlaggedRow::flag, flag, row -> Long.toString(row.lineNumber()));
            parts.add(grouped(n) + " " + phrase + (listed.isEmpty() ? ""
                    : " (" + (n == 1 ? "line " : "lines ") + String.join(", ", listed) + more(n, listed) + ")"));
        });
        return count(flagged.total(), "reading", "readings") + " kept but flagged as implausible, not counted in totals: "
                + String.join(", ", parts) + ".";
    }

    private String rejectedPart(RejectionKind kind, long n) {
        String head = kind == RejectionKind.DUPLICATE ? count(n, "duplicate", "duplicates") : grouped(n) + " " + kind.summaryPhrase();
        List<String> listed = firstLines(rejected.rows(), RejectedRow::kind, kind, row -> row.firstSeenOnLine().isPresent()
                ? "line " + row.lineNumber() + ", first seen on line " + row.firstSeenOnLine().getAsLong()
                : Long.toString(row.lineNumber()));
        if (listed.isEmpty()) {
            return head;
        }
        String lines = kind == RejectionKind.DUPLICATE
                ? String.join("; ", listed)
                : (n == 1 ? "line " : "lines ") + String.join(", ", listed);
        return head + " (" + lines + more(n, listed) + ")";
    }

    /** The first {@value #LINES_LISTED} rows of {@code kind} in the sample, as the summary names them. */
    private static <K, R> List<String> firstLines(List<R> rows, Function<R, K> kindOf, K kind, Function<R, String> shown) {
        return rows.stream().filter(row -> kindOf.apply(row) == kind).limit(LINES_LISTED).map(shown).toList();
    }

    private static String more(long n, List<String> listed) {
        return n > listed.size() ? " and " + grouped(n - listed.size()) + " more" : "";
    }

    private static String count(long n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }

    /** Thousands separators fixed to UK style so the summary does not change with the desktop locale. */
    private static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }
}
