package uk.consumptioninsights.dataaccess.importer;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * What a CSV import did. Every data line is accounted for: {@code linesRead = readingsImported + rejectedRows.size()}.
 * Flagged readings are imported readings (kept, flagged as implausible); the report lists the first
 * {@value #FLAGGED_ROWS_KEPT} of them with their line numbers and counts them all.
 *
 * @param linesRead            data lines read, excluding the header
 * @param households           households with at least one imported reading
 * @param firstSettlementDate  London settlement day of the earliest imported reading
 * @param lastSettlementDate   London settlement day of the latest imported reading
 * @param rejectedRows         every line not imported, in file order
 * @param flaggedCount         imported readings flagged as implausible
 * @param flaggedRows          the first of them, in file order
 */
public record CsvImportReport(Path file, long linesRead, long readingsImported, int households,
                              LocalDate firstSettlementDate, LocalDate lastSettlementDate, List<RejectedRow> rejectedRows,
                              long flaggedCount, List<FlaggedRow> flaggedRows) {

    /** Flagged rows kept for the report's table; the rest are counted only. */
    public static final int FLAGGED_ROWS_KEPT = 1_000;

    /** Line numbers listed per reason in the summary before it says "and N more". */
    private static final int LINES_LISTED = 5;

    public CsvImportReport {
        Objects.requireNonNull(file, "file");
        rejectedRows = List.copyOf(rejectedRows);
        flaggedRows = List.copyOf(flaggedRows);
        if (flaggedRows.size() > flaggedCount || flaggedCount > readingsImported) {
            throw new IllegalArgumentException("Flagged readings (" + flaggedCount + ", " + flaggedRows.size()
                    + " listed) must be among the readings imported (" + readingsImported + ")");
        }
        if (linesRead != readingsImported + rejectedRows.size()) {
            throw new IllegalArgumentException("Lines read (" + linesRead + ") must equal readings imported ("
                    + readingsImported + ") plus rejected rows (" + rejectedRows.size() + ")");
        }
    }

    public int rejectedCount() {
        return rejectedRows.size();
    }

    /** How many rows were rejected for each reason, in the order of {@link RejectionKind}; reasons with none are absent. */
    public Map<RejectionKind, Long> rejectionCounts() {
        return rejectedRows.stream().collect(Collectors.groupingBy(RejectedRow::kind,
                () -> new EnumMap<>(RejectionKind.class), Collectors.counting()));
    }

    /**
     * For the UI, e.g. "Imported 1,674,718 readings for 100 households (2013-01-01 to 2013-12-31). 3 rows rejected:
     * 2 with an invalid timestamp (lines 17, 902), 1 duplicate (line 44, first seen on line 43)."
     */
    public String summary() {
        StringBuilder text = new StringBuilder("Imported ")
                .append(count(readingsImported, "reading", "readings"))
                .append(" for ").append(count(households, "household", "households"));
        if (firstSettlementDate != null && lastSettlementDate != null) {
            text.append(" (").append(firstSettlementDate).append(" to ").append(lastSettlementDate).append(')');
        }
        text.append(". ");
        if (flaggedCount > 0) {
            text.append(flaggedSentence()).append(' ');
        }
        if (rejectedRows.isEmpty()) {
            return text.append("No rows were rejected.").toString();
        }
        text.append(count(rejectedRows.size(), "row", "rows")).append(" rejected: ");
        List<String> parts = new ArrayList<>();
        Map<RejectionKind, List<RejectedRow>> byKind = rejectedRows.stream().collect(Collectors.groupingBy(RejectedRow::kind,
                () -> new EnumMap<>(RejectionKind.class), Collectors.toList()));
        byKind.forEach((kind, rows) -> parts.add(part(kind, rows)));
        return text.append(String.join(", ", parts)).append('.').toString();
    }

    /** E.g. "2 readings kept but flagged as implausible, not counted in totals: 1 negative (line 17), 1 above 50 kWh (line 44)." */
    private String flaggedSentence() {
        List<String> parts = new ArrayList<>();
        Map<ReadingFlag, List<FlaggedRow>> byFlag = flaggedRows.stream().collect(Collectors.groupingBy(FlaggedRow::flag,
                () -> new EnumMap<>(ReadingFlag.class), Collectors.toList()));
        byFlag.forEach((flag, rows) -> {
            List<String> listed = new ArrayList<>();
            for (FlaggedRow row : rows.subList(0, Math.min(LINES_LISTED, rows.size()))) {
                listed.add(Long.toString(row.lineNumber()));
            }
            String phrase = flag == ReadingFlag.NEGATIVE ? "negative" : "above " + (int) ReadingFlag.CEILING_KWH + " kWh";
            parts.add(grouped(rows.size()) + " " + phrase + " (" + (rows.size() == 1 ? "line " : "lines ")
                    + String.join(", ", listed) + (rows.size() > LINES_LISTED ? " and " + grouped(rows.size() - LINES_LISTED)
                    + " more" : "") + ")");
        });
        String more = flaggedCount > flaggedRows.size() ? ", and " + grouped(flaggedCount - flaggedRows.size())
                + " more not listed" : "";
        return count(flaggedCount, "reading", "readings") + " kept but flagged as implausible, not counted in totals: "
                + String.join(", ", parts) + more + ".";
    }

    private static String part(RejectionKind kind, List<RejectedRow> rows) {
        String head = kind == RejectionKind.DUPLICATE
                ? count(rows.size(), "duplicate", "duplicates")
                : grouped(rows.size()) + " " + kind.summaryPhrase();
        List<String> listed = new ArrayList<>();
        for (RejectedRow row : rows.subList(0, Math.min(LINES_LISTED, rows.size()))) {
            listed.add(row.firstSeenOnLine().isPresent()
                    ? "line " + row.lineNumber() + ", first seen on line " + row.firstSeenOnLine().getAsLong()
                    : Long.toString(row.lineNumber()));
        }
        String lines = kind == RejectionKind.DUPLICATE
                ? String.join("; ", listed)
                : (rows.size() == 1 ? "line " : "lines ") + String.join(", ", listed);
        if (rows.size() > LINES_LISTED) {
            lines += " and " + grouped(rows.size() - LINES_LISTED) + " more";
        }
        return head + " (" + lines + ")";
    }

    private static String count(long n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }

    /** Thousands separators fixed to UK style so the summary does not change with the desktop locale. */
    private static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }
}
