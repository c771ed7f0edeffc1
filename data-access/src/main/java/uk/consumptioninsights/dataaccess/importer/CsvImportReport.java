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

/**
 * What a CSV import did. Every data line is accounted for: {@code linesRead = readingsImported + rejectedRows.size()}.
 *
 * @param linesRead            data lines read, excluding the header
 * @param households           households with at least one imported reading
 * @param firstSettlementDate  London settlement day of the earliest imported reading
 * @param lastSettlementDate   London settlement day of the latest imported reading
 * @param rejectedRows         every line not imported, in file order
 */
public record CsvImportReport(Path file, long linesRead, long readingsImported, int households,
                              LocalDate firstSettlementDate, LocalDate lastSettlementDate, List<RejectedRow> rejectedRows) {

    /** Line numbers listed per reason in the summary before it says "and N more". */
    private static final int LINES_LISTED = 5;

    public CsvImportReport {
        Objects.requireNonNull(file, "file");
        rejectedRows = List.copyOf(rejectedRows);
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
