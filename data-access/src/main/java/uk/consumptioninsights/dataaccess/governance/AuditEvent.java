package uk.consumptioninsights.dataaccess.governance;

import java.time.Instant;

/**
 * Who did what to which object, and when (UTC).
 *
 * @param action e.g. {@code getTable}, {@code commandSubmit}, or the workbench's own {@code read} and {@code export}
 * @param status e.g. the HTTP status or "ok"
 */
public record AuditEvent(Instant time, String user, String action, String object, String status) {
}
