package uk.consumptioninsights.dataaccess.governance;

import java.util.Objects;

/**
 * A governance answer that the user's identity may not be allowed to read. Lacking a privilege is an ordinary outcome
 * here, not a failure: the tab shows "your role cannot read this" and why, and everything else keeps working.
 */
public sealed interface Restricted<T> {

    /** What was asked, e.g. "SHOW GRANTS ON TABLE main.gold.v_settlement_half_hourly", for the user to see. */
    String statement();

    record Available<T>(T value, String statement) implements Restricted<T> {
        public Available {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param message what the identity lacks and whom to ask; never a secret or a stack trace */
    record Denied<T>(String message, String statement) implements Restricted<T> {
        public Denied {
            Objects.requireNonNull(message, "message");
        }
    }
}
