package uk.consumptioninsights.dataaccess.governance;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who did what to which object, and when (UTC).
 *
 * @param action   e.g. {@code getTable}, {@code commandSubmit}, or the workbench's own {@code read} and {@code export}
 * @param status   e.g. the HTTP status or "ok"
 * @param rowsRead rows the workbench read or exported; empty where the log does not say (Unity Catalog's audit)
 */
public record AuditEvent(Instant time, String user, String action, String object, String status, OptionalLong rowsRead) {

    public AuditEvent {
        Objects.requireNonNull(rowsRead, "rowsRead");
    }

    public AuditEvent(Instant time, String user, String action, String object, String status) {
        this(time, user, action, object, status, OptionalLong.empty());
    }
}
