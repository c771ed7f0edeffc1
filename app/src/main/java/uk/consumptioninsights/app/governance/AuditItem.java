package uk.consumptioninsights.app.governance;

import java.time.Instant;

/**
 * One audit event as the table lists it.
 *
 * @param time      when it happened, UTC, for ordering
 * @param shownTime the same instant on the London wall clock, e.g. "21 Nov 2026 09:15:02 GMT"
 * @param object    the relation read or exported: a name, never values from it
 * @param rows      rows read or exported, when the log records them (the workbench's own log does; Unity Catalog's does not)
 */
public record AuditItem(Instant time, String shownTime, String user, String action, String object, String rows,
                        String status) {
}
