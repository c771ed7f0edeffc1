package uk.consumptioninsights.dataaccess.provider.failure;

import java.sql.SQLException;
import java.util.Locale;

/** Whether a warehouse error says the table, view or schema a statement named does not exist. */
public final class MissingRelation {

    private MissingRelation() {
    }

    /** Looks through the causes: the driver wraps the server's error, whose SQL state or error class names it. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            // 42P01: table or view not found; 3F000: schema not found.
            if (state.equals("42P01") || state.equals("3F000") || named(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** For a classified failure, which keeps the driver's (redacted) text instead of its exception. */
    public static boolean in(ProviderFailure failure) {
        return named(failure.detail());
    }

    private static boolean named(String message) {
        String text = String.valueOf(message).toUpperCase(Locale.ROOT);
        return text.contains("TABLE_OR_VIEW_NOT_FOUND") || text.contains("TABLE OR VIEW NOT FOUND")
                || text.contains("SCHEMA_NOT_FOUND");
    }
}
