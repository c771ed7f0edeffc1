package uk.consumptioninsights.dataaccess.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which driver errors are "not for this identity" and which are failures to report. */
class DenialsTest {

    @Test
    void permissionDeniedIsAPrivilegeDenialAnywhere() {
        SQLException e = new SQLException("[INSUFFICIENT_PERMISSIONS] PERMISSION_DENIED: User does not have USE SCHEMA "
                + "on Schema 'system.access'.", "42501");
        assertThat(Denials.of(e, false)).contains(Denials.Reason.PRIVILEGE);
        assertThat(Denials.of(e, true)).contains(Denials.Reason.PRIVILEGE);
    }

    @Test
    void sqlState42501AloneIsAPrivilegeDenial() {
        assertThat(Denials.of(new SQLException("Error running query", "42501"), false)).contains(Denials.Reason.PRIVILEGE);
    }

    @Test
    void aMissingTableIsADenialOnlyForUnityCatalogObjects() {
        SQLException e = new SQLException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `system`.`access`.`audit` "
                + "cannot be found. Verify the spelling and correctness of the schema and catalog.", "42P01");
        assertThat(Denials.of(e, true)).contains(Denials.Reason.NOT_AVAILABLE);
        assertThat(Denials.of(e, false)).isEmpty();
    }

    @Test
    void aParseErrorOnAUnityCatalogStatementMeansUnityCatalogIsNotHere() {
        SQLException e = new SQLException("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SHARES'.(line 1, pos 5)", "42601");
        assertThat(Denials.of(e, true)).contains(Denials.Reason.NOT_AVAILABLE);
    }

    @Test
    void networkTimeoutAndSignInFailuresAreNeverDenials() {
        assertThat(Denials.of(new SQLException("Connection refused", "08S01"), true)).isEmpty();
        assertThat(Denials.of(new SQLTimeoutException("Query timed out after 30 s", "HYT00"), true)).isEmpty();
        assertThat(Denials.of(new SQLException("HTTP request failed by code: 401, Unauthorized"), true)).isEmpty();
        assertThat(Denials.of(new SQLException("Connection reset while reading TABLE_OR_VIEW_NOT_FOUND", "08006"), true))
                .as("a network failure whose text happens to name an error class")
                .isEqualTo(Optional.empty());
    }
}
