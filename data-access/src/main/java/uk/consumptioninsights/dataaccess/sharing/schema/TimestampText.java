package uk.consumptioninsights.dataaccess.sharing.schema;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads date-times as providers write them: {@code yyyy-MM-dd HH:mm:ss[.f…]} (Delta's partition value form) or ISO
 * with {@code T}; zero to nine fraction digits; with {@code Z}, {@code +01:00}, {@code +0100}, {@code +01} or no zone.
 */
public final class TimestampText {

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private TimestampText() {
    }

    /** An {@link OffsetDateTime} when the text has a zone, a {@link LocalDateTime} when not; empty if unreadable. */
    public static Optional<TemporalAccessor> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        String normalised = trimmed.length() > 10 && trimmed.charAt(10) == ' '
                ? trimmed.substring(0, 10) + "T" + trimmed.substring(11) : trimmed;
        try {
            return Optional.of(LENIENT.parseBest(normalised, OffsetDateTime::from, LocalDateTime::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
