package uk.consumptioninsights.dataaccess.importer;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A data line that was not imported, kept so the analyst can see and fix it.
 *
 * @param reason          plain-language explanation naming the offending value, each value quoted by {@link QuotedText}
 * @param rawLine         the line as read, cut by {@link QuotedText}
 * @param firstSeenOnLine for a duplicate, the line whose reading was kept; empty otherwise
 */
public record RejectedRow(long lineNumber, RejectionKind kind, String reason, String rawLine, OptionalLong firstSeenOnLine)
        implements ParsedLine {

    public RejectedRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firstSeenOnLine, "firstSeenOnLine");
        rawLine = QuotedText.cut(rawLine);
    }

    static RejectedRow of(long lineNumber, RejectionKind kind, String reason, String rawLine) {
        return new RejectedRow(lineNumber, kind, reason, rawLine, OptionalLong.empty());
    }

    static RejectedRow duplicate(long lineNumber, long firstSeenOnLine, String reason, String rawLine) {
        return new RejectedRow(lineNumber, RejectionKind.DUPLICATE, reason, rawLine, OptionalLong.of(firstSeenOnLine));
    }
}
