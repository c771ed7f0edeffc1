package uk.consumptioninsights.dataaccess.provider.failure;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failure from the Databricks driver, classified, with a message saying what to check.
 *
 * @param category what kind of failure it was
 * @param message  for the user: what happened and what to check; never contains a secret
 * @param detail   the driver's own text with anything secret-looking redacted, for a "details" disclosure
 */
public record ProviderFailure(FailureCategory category, String message, String detail) {

    // Vendor codes from com.databricks.jdbc.exception.DatabricksVendorCode (3.4.5).
    static final int VENDOR_INCORRECT_ACCESS_TOKEN = 500593;
    static final int VENDOR_INCORRECT_HOST = 700120;
    static final int VENDOR_INCORRECT_UID = 500174;

    // The driver quotes the session configuration (statement_timeout=...) in every Thrift error, so that word is no evidence.
    private static final Pattern TIMEOUT_WORD = Pattern.compile("(?<!statement_)timeout");
    private static final Pattern HTTP_CODE = Pattern.compile("(?i)(?:HTTP request failed by code: |status code:? |HTTP |code: )(\\d{3})\\b");

    public ProviderFailure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
        detail = SecretRedaction.redact(detail);
    }

    /** Classifies a throwable from connecting or querying, looking through its whole cause chain. */
    public static ProviderFailure classify(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        Evidence evidence = Evidence.of(failure);
        return new ProviderFailure(evidence.category(), messageFor(evidence.category()), evidence.firstMessage());
    }

    private static String messageFor(FailureCategory category) {
        return switch (category) {
            case WRONG_HOST -> "The workspace host could not be found. Check the host name (for example "
                    + "adb-1234567890123456.7.azuredatabricks.net, without https:// or a path) and your network or VPN.";
            case WRONG_HTTP_PATH -> "The workspace was reached but the HTTP path was not found. Copy the HTTP path from "
                    + "the SQL warehouse's Connection details (for example /sql/1.0/warehouses/abc123) and check the "
                    + "warehouse still exists.";
            case INVALID_CREDENTIALS -> "The workspace rejected the sign-in. Check the personal access token or the "
                    + "service principal's client id and secret, and that they belong to this workspace.";
            case EXPIRED_TOKEN -> "The token has expired. Create a new personal access token (or sign in in the "
                    + "browser again) and save it for this connection.";
            case ACCESS_DENIED -> "You signed in, but this identity may not use this workspace or warehouse. Ask a "
                    + "workspace admin for access and for CAN USE on the SQL warehouse.";
            case MISSING_PRIVILEGE -> "The query needs a privilege you do not have. Ask the data owner for USE CATALOG, "
                    + "USE SCHEMA and SELECT on the objects it reads.";
            case TIMEOUT -> "The warehouse did not answer in time. Check that the warehouse is running (a stopped "
                    + "warehouse can take minutes to start), or narrow the query, or raise the timeout.";
            case CANCELLED -> "The query was cancelled.";
            case NETWORK -> "The connection to the workspace failed. Check your network, VPN and any proxy, then retry.";
            case TLS -> "The secure connection could not be established. Check the host name and, behind a "
                    + "TLS-inspecting proxy, that its certificate is trusted.";
            case DRIVER_MISSING -> "The Databricks JDBC driver is not installed with the workbench.";
            case OTHER -> "The Databricks warehouse reported an error. See the details.";
        };
    }

    /** Everything the chain says about itself: SQL states, vendor codes, class names and messages. */
    private record Evidence(List<String> sqlStates, List<Integer> vendorCodes, String text, boolean timeoutType,
                            String firstMessage) {

        static Evidence of(Throwable failure) {
            List<String> states = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean timeoutType = false;
            String first = null;
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    if (sql.getSQLState() != null) {
                        states.add(sql.getSQLState().toUpperCase(Locale.ROOT));
                    }
                    codes.add(sql.getErrorCode());
                }
                timeoutType |= t instanceof SQLTimeoutException || t instanceof java.net.SocketTimeoutException
                        || t.getClass().getName().endsWith("TimeoutException");
                text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
                if (first == null && t.getMessage() != null) {
                    first = t.getMessage();
                }
            }
            return new Evidence(states, codes, text.toString().toLowerCase(Locale.ROOT), timeoutType,
                    first == null ? failure.getClass().getSimpleName() : first);
        }

        FailureCategory category() {
            if (has("unknownhostexception") || vendorCodes.contains(VENDOR_INCORRECT_HOST)
                    || has("nodename nor servname") || has("name or service not known")) {
                return FailureCategory.WRONG_HOST;
            }
            if (has("no suitable driver") && has("jdbc:databricks")) {
                return FailureCategory.DRIVER_MISSING;
            }
            if (sqlStates.contains("EXECUTE_STATEMENT_CANCELLED") || has("canceled_state") || has("cancelled_state")
                    || has("operation was cancelled") || has("query was cancelled")) {
                return FailureCategory.CANCELLED;
            }
            if (has("token") && (has("expired") || has("expiredtoken"))) {
                return FailureCategory.EXPIRED_TOKEN;
            }
            Integer http = httpCode();
            if (vendorCodes.contains(VENDOR_INCORRECT_ACCESS_TOKEN) || vendorCodes.contains(VENDOR_INCORRECT_UID)
                    || (http != null && http == 401) || has("invalid access token") || has("invalid_client")
                    || has("unauthorized") || has("credential was not sent")) {
                return FailureCategory.INVALID_CREDENTIALS;
            }
            if (sqlStates.contains("42501") || has("permission_denied") || has("insufficient_permissions")
                    || has("insufficient_privileges") || has("insufficient privileges")
                    || has("does not have") && has("privilege")) {
                return FailureCategory.MISSING_PRIVILEGE;
            }
            if ((http != null && http == 403) || has("forbidden")) {
                return FailureCategory.ACCESS_DENIED;
            }
            if ((http != null && http == 404) || has("resource_does_not_exist")
                    || has("non databricks compute") || has("warehouse") && has("does not exist")) {
                return FailureCategory.WRONG_HTTP_PATH;
            }
            if (timeoutType || sqlStates.contains("HYT00") || sqlStates.contains("HYT01")
                    || sqlStates.contains("STATEMENT_EXECUTION_TIMEOUT") || sqlStates.contains("OPERATION_TIMEOUT_ERROR")
                    || has("timed out") || TIMEOUT_WORD.matcher(text).find() || has("deadline_exceeded") || has("timedout_state")) {
                return FailureCategory.TIMEOUT;
            }
            if (has("sslhandshakeexception") || has("pkix path") || sqlStates.contains("SSL_HANDSHAKE_ERROR")
                    || has("certificate")) {
                return FailureCategory.TLS;
            }
            if (has("connectexception") || has("connection refused") || has("noroutetohost")
                    || sqlStates.stream().anyMatch(s -> s.startsWith("08")) || sqlStates.contains("CONNECTION_ERROR")) {
                return FailureCategory.NETWORK;
            }
            return FailureCategory.OTHER;
        }

        private Integer httpCode() {
            var matcher = HTTP_CODE.matcher(text);
            while (matcher.find()) {
                int code = Integer.parseInt(matcher.group(1));
                if (code >= 400 && code < 600) {
                    return code;
                }
            }
            return null;
        }

        private boolean has(String fragment) {
            return text.contains(fragment);
        }
    }
}
