package uk.consumptioninsights.dataaccess.provider.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Exceptions shaped like databricks-jdbc 3.4.5's (SQLState = driver error code name or server SQLSTATE, vendor codes from DatabricksVendorCode). */
class ProviderFailureTest {

    private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";

    private static FailureCategory categoryOf(Throwable t) {
        return ProviderFailure.classify(t).category();
    }

    @Test
    void unknownHost() {
        SQLException e = new SQLException("Communication link failure. Failed to connect to server. : Incorrect host URL provided",
                "CONNECTION_ERROR", 700120, new UnknownHostException("adb-wrong.azuredatabricks.net"));
        ProviderFailure failure = ProviderFailure.classify(e);
        assertThat(failure.category()).isEqualTo(FailureCategory.WRONG_HOST);
        assertThat(failure.message()).contains("host");
    }

    @Test
    void invalidToken() {
        assertThat(categoryOf(new SQLException("Incorrect or invalid access token provided", "AUTH_ERROR", 500593)))
                .isEqualTo(FailureCategory.INVALID_CREDENTIALS);
        assertThat(categoryOf(new SQLException("Communication link failure. Failed to connect to server.",
                "CONNECTION_ERROR", 0, new IOException("HTTP request failed by code: 401, status line: HTTP/1.1 401 Unauthorized."))))
                .isEqualTo(FailureCategory.INVALID_CREDENTIALS);
        assertThat(categoryOf(new SQLException("Failed to retrieve the exchanged token from OIDC token endpoint. "
                + "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}", "AUTH_ERROR")))
                .isEqualTo(FailureCategory.INVALID_CREDENTIALS);
    }

    @Test
    void expiredToken() {
        ProviderFailure failure = ProviderFailure.classify(new SQLException(
                "HTTP request failed by code: 401, status line: HTTP/1.1 401 Unauthorized. Token is expired",
                "CONNECTION_ERROR"));
        assertThat(failure.category()).isEqualTo(FailureCategory.EXPIRED_TOKEN);
        assertThat(failure.message()).contains("expired");
    }

    @Test
    void forbiddenWorkspaceOrWarehouse() {
        assertThat(categoryOf(new SQLException("HTTP request failed by code: 403, status line: HTTP/1.1 403 Forbidden.",
                "CONNECTION_ERROR"))).isEqualTo(FailureCategory.ACCESS_DENIED);
    }

    @Test
    void wrongHttpPath() {
        assertThat(categoryOf(new SQLException("Communication link failure. Failed to connect to server.",
                "CONNECTION_ERROR", 0, new IOException("HTTP request failed by code: 404, status line: HTTP/1.1 404 Not Found."))))
                .isEqualTo(FailureCategory.WRONG_HTTP_PATH);
        assertThat(categoryOf(new SQLException("Attempting to connect to a non Databricks compute using the Databricks driver.",
                "CONNECTION_ERROR"))).isEqualTo(FailureCategory.WRONG_HTTP_PATH);
    }

    @Test
    void missingPrivilege() {
        assertThat(categoryOf(new SQLException("[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have "
                + "USE SCHEMA on Schema 'settlement.gold'. SQLSTATE: 42501", "42501"))).isEqualTo(FailureCategory.MISSING_PRIVILEGE);
        assertThat(categoryOf(new SQLException("PERMISSION_DENIED: User does not have SELECT on Table "
                + "'system.access.audit'.", "EXECUTE_STATEMENT_FAILED"))).isEqualTo(FailureCategory.MISSING_PRIVILEGE);
    }

    @Test
    void theSessionsStatementTimeoutQuotedInAThriftErrorIsNoTimeout() {
        // What databricks-jdbc 3.4.5 raises when a 401 comes without a body (seen against a loopback server).
        SQLException e = new SQLException("Connection failure while using the OSS Databricks JDBC driver.", "CONNECTION_ERROR", 0,
                new SQLException("Error while receiving response from Thrift server. Request {TOpenSessionReq("
                        + "configuration:{statement_timeout=30})}, Error {Failed to flush data to server: "
                        + "NoHttpResponseException: 127.0.0.1:4711 failed to respond}"));
        assertThat(categoryOf(e)).isEqualTo(FailureCategory.NETWORK);
        assertThat(categoryOf(new SQLException("Read timeout; request {configuration:{statement_timeout=30}}", "CONNECTION_ERROR")))
                .isEqualTo(FailureCategory.TIMEOUT);
    }

    @Test
    void expiredTokenAsTheThriftEndpointReportsIt() {
        assertThat(categoryOf(new SQLException("Error while receiving response from Thrift server. Request {TOpenSessionReq("
                + "configuration:{statement_timeout=30})}, Error {Failed to flush data to server: HTTP request failed by "
                + "code: 403, status line: HTTP/1.1 403 Forbidden. Error message: Token is expired.}", "CONNECTION_ERROR")))
                .isEqualTo(FailureCategory.EXPIRED_TOKEN);
    }

    @Test
    void timeoutAndCancel() {
        assertThat(categoryOf(new SQLTimeoutException("Statement execution timed-out. StatementId abc",
                "STATEMENT_EXECUTION_TIMEOUT"))).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(categoryOf(new SQLException("Communication link failure.", "CONNECTION_ERROR", 0,
                new SocketTimeoutException("Read timed out")))).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(categoryOf(new SQLException("Statement was cancelled", "EXECUTE_STATEMENT_CANCELLED")))
                .isEqualTo(FailureCategory.CANCELLED);
    }

    @Test
    void missingDriverAndUnknownErrors() {
        assertThat(categoryOf(new SQLException("No suitable driver found for jdbc:databricks://h;ssl=1", "08001")))
                .isEqualTo(FailureCategory.DRIVER_MISSING);
        assertThat(categoryOf(new SQLException("[TABLE_OR_VIEW_NOT_FOUND] The table cannot be found", "42P01")))
                .isEqualTo(FailureCategory.OTHER);
    }

    @Test
    void neverCarriesASecret() {
        ProviderFailure failure = ProviderFailure.classify(new SQLException(
                "HTTP request failed by code: 401; request header Authorization: Bearer " + TOKEN + " PWD=" + TOKEN,
                "CONNECTION_ERROR"));
        assertThat(failure.category()).isEqualTo(FailureCategory.INVALID_CREDENTIALS);
        assertThat(failure.message()).doesNotContain(TOKEN);
        assertThat(failure.detail()).doesNotContain(TOKEN).contains("[redacted]");
        assertThat(failure.toString()).doesNotContain(TOKEN);
    }
}
