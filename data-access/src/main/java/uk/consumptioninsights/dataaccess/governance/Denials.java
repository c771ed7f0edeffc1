package uk.consumptioninsights.dataaccess.governance;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.provider.failure.MissingRelation;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * Which warehouse errors mean "this identity cannot read this governance answer" (shown as
 * {@link Restricted.Denied}) rather than a failure to report. Anything else, a dropped network or a timeout, is
 * thrown on: the tab must not claim a privilege is missing when the warehouse simply did not answer.
 */
final class Denials {

    /** Why an answer was refused. */
    enum Reason {
        /** SQLSTATE 42501, PERMISSION_DENIED, HTTP 403 and the like. */
        PRIVILEGE,
        /** The object or statement exists only where Unity Catalog (or the system schema) is enabled. */
        NOT_AVAILABLE
    }

    private Denials() {
    }

    /**
     * @param unityCatalogOnly the statement reads a system table, an information_schema view or is a SHOW command
     *                         that only Unity Catalog understands, so "not found" and a parse error mean "not here"
     */
    static Optional<Reason> of(SQLException e, boolean unityCatalogOnly) {
        FailureCategory category = ProviderFailure.classify(e).category();
        if (category == FailureCategory.MISSING_PRIVILEGE || category == FailureCategory.ACCESS_DENIED) {
            return Optional.of(Reason.PRIVILEGE);
        }
        if (unityCatalogOnly && category == FailureCategory.OTHER && notAvailable(e)) {
            return Optional.of(Reason.NOT_AVAILABLE);
        }
        return Optional.empty();
    }

    private static boolean notAvailable(SQLException e) {
        if (MissingRelation.in(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            String text = String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT);
            // 42601: syntax, for statements only Unity Catalog understands.
            if (state.equals("42601") || text.contains("PARSE_SYNTAX_ERROR")
                    || text.contains("UC_NOT_ENABLED") || text.contains("UNITY CATALOG IS NOT ENABLED")) {
                return true;
            }
        }
        return false;
    }
}
