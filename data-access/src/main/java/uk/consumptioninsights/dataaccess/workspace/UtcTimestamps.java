package uk.consumptioninsights.dataaccess.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Workspace timestamps are TIMESTAMP columns holding UTC; these convert at the JDBC boundary. */
public final class UtcTimestamps {

    private UtcTimestamps() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromColumn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
