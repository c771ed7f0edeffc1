package uk.consumptioninsights.dataaccess.importer;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A data line that was not imported, kept so the analyst can see and fix it.
 *
 * @param reason          plain-language explanation naming the offending value
 * @param rawLine         the line as read, cut to {@value #RAW_LINE_LIMIT} characters
 * @param firstSeenOnLine for a duplicate, the line whose reading was kept; empty otherwise
 */
public record RejectedRow(long lineNumber, RejectionKind kind, String reason, String rawLine, OptionalLong firstSeenOnLine)
        implements ParsedLine {

    public static final int RAW_LINE_LIMIT = 200;

    public RejectedRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firstSeenOnLine, "firstSeenOnLine");
        rawLine = rawLine == null ? "" : truncate(rawLine);
    }

    static RejectedRow of(long lineNumber, RejectionKind kind, String reason, String rawLine) {
        return new RejectedRow(lineNumber, kind, reason, rawLine, OptionalLong.empty());
    }

    static RejectedRow duplicate(long lineNumber, long firstSeenOnLine, String reason, String rawLine) {
        return new RejectedRow(lineNumber, RejectionKind.DUPLICATE, reason, rawLine, OptionalLong.of(firstSeenOnLine));
    }

    /** The line's first {@value #RAW_LINE_LIMIT} characters, one fewer rather than half of an emoji's surrogate pair. */
    static String truncate(String line) {
        if (line.length() <= RAW_LINE_LIMIT) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(RAW_LINE_LIMIT - 1)) ? RAW_LINE_LIMIT - 1 : RAW_LINE_LIMIT;
        return line.substring(0, end);
    }
}
