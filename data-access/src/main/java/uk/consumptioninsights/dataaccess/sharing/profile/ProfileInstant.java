package uk.consumptioninsights.dataaccess.sharing.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.schema.TimestampText;

/**
 * Reads a profile's {@code expirationTime} leniently: the spec's own example has a one-digit fraction, providers write
 * anything from none to nine digits, with {@code Z}, an offset, or no zone at all (read as UTC), or only a date.
 */
public final class ProfileInstant {

    private ProfileInstant() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() == 10) {
            try {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return TimestampText.parse(trimmed).map(parsed -> parsed instanceof OffsetDateTime offset
                ? offset.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    }
}
