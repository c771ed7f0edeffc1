package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabricksJdbcUrlTest {

    private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
    private static final String HOST = "adb-1234567890123456.7.azuredatabricks.net";
    private static final String PATH = "/sql/1.0/warehouses/abc123def456";

    private static ProviderConnectionSettings settings(SignIn signIn, Transport transport) {
        return new ProviderConnectionSettings(HOST, PATH, Optional.of("settlement"), Optional.of("gold"), signIn,
                transport, Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    @Test
    void personalAccessTokenGoesInPropertiesOnly() {
        DatabricksJdbcUrl jdbc = DatabricksJdbcUrl.of(settings(new SignIn.PersonalAccessToken(), Transport.THRIFT),
                Optional.of(new ProviderSecret(TOKEN)));

        assertThat(jdbc.url()).isEqualTo("jdbc:databricks://" + HOST + ";ssl=1;httpPath=" + PATH
                + ";UseThriftClient=1;ConnCatalog=settlement;ConnSchema=gold;AuthMech=3;EnableTelemetry=0;LogLevel=WARN;"
                + "UserAgentEntry=ConsumptionInsightsWorkbench/0.1;STATEMENT_TIMEOUT=120;SocketTimeout=30");
        Properties properties = jdbc.properties();
        assertThat(properties.getProperty("UID")).isEqualTo("token");
        assertThat(properties.getProperty("PWD")).isEqualTo(TOKEN);
        assertThat(properties.getProperty("AuthMech")).isEqualTo("3");
        assertThat(jdbc.url()).doesNotContain(TOKEN);
        assertThat(jdbc.toString()).doesNotContain(TOKEN).contains("PWD=redacted");
    }

    @Test
    void aSilentRequestIsGivenUpAfterTheConnectTimeoutKeptBetweenTwentyAndSixtySeconds() {
        for (int[] connectAndRead : new int[][] {{2, 20}, {20, 20}, {45, 45}, {60, 60}, {600, 60}}) {
            ProviderConnectionSettings settings = new ProviderConnectionSettings(HOST, PATH, Optional.empty(),
                    Optional.empty(), new SignIn.PersonalAccessToken(), Transport.THRIFT,
                    Duration.ofSeconds(connectAndRead[0]), Duration.ofMinutes(5));
            DatabricksJdbcUrl jdbc = DatabricksJdbcUrl.of(settings, Optional.of(new ProviderSecret(TOKEN)));

            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(connectAndRead[1]));
            assertThat(jdbc.url()).endsWith(";SocketTimeout=" + connectAndRead[1]);
            assertThat(jdbc.properties().getProperty("SocketTimeout")).isEqualTo(Integer.toString(connectAndRead[1]));
        }
    }

    @Test
    void theDriverLogGoesToTheGivenFolderWhichNeitherTheUrlNorAnOverrideCarries() {
        Path logs = Path.of("/home/analyst/.local/share/consumptioninsightsworkbench/logs");
        DatabricksJdbcUrl jdbc = DatabricksJdbcUrl.of(settings(new SignIn.PersonalAccessToken(), Transport.THRIFT),
                Optional.of(new ProviderSecret(TOKEN))).loggingTo(logs).withOverrides(Map.of("ssl", "0"));

        assertThat(jdbc.properties().getProperty("LogPath")).isEqualTo(logs.toString());
        assertThat(jdbc.url()).doesNotContain("LogPath").doesNotContain(logs.toString()).endsWith(";ssl=0");
        assertThatThrownBy(() -> jdbc.withOverrides(Map.of("logpath", "/tmp")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientCredentialsUseAuthFlowOneWithTheSecretInProperties() {
        String secret = "dose0123456789abcdefsecret";
        DatabricksJdbcUrl jdbc = DatabricksJdbcUrl.of(
                settings(new SignIn.OAuthClientCredentials("9f1b-sp-app-id"), Transport.SQL_EXECUTION_API),
                Optional.of(new ProviderSecret(secret)));

        assertThat(jdbc.url()).contains(";AuthMech=11;Auth_Flow=1;OAuth2ClientId=9f1b-sp-app-id;")
                .contains(";UseThriftClient=0;").doesNotContain(secret);
        assertThat(jdbc.properties().getProperty("OAuth2Secret")).isEqualTo(secret);
        assertThat(jdbc.toString()).doesNotContain(secret).contains("OAuth2Secret=redacted");
    }

    @Test
    void browserSignInUsesAuthFlowTwoWithOptionalClientId() {
        DatabricksJdbcUrl defaultClient = DatabricksJdbcUrl.of(
                settings(SignIn.OAuthBrowser.withDefaultClient(), Transport.THRIFT), Optional.empty());
        DatabricksJdbcUrl customClient = DatabricksJdbcUrl.of(
                settings(new SignIn.OAuthBrowser(Optional.of("my-app")), Transport.THRIFT), Optional.empty());

        assertThat(defaultClient.url()).contains(";AuthMech=11;Auth_Flow=2;").doesNotContain("OAuth2ClientId");
        assertThat(customClient.url()).contains(";AuthMech=11;Auth_Flow=2;OAuth2ClientId=my-app;");
        assertThat(defaultClient.properties().stringPropertyNames()).noneMatch(DatabricksJdbcUrl::isSecretProperty);
    }

    @Test
    void transportAndSafeLoggingAreAlwaysExplicit() {
        for (Transport transport : Transport.values()) {
            Properties properties = DatabricksJdbcUrl.of(settings(SignIn.OAuthBrowser.withDefaultClient(), transport),
                    Optional.empty()).properties();
            assertThat(properties.getProperty("UseThriftClient")).isEqualTo(transport.useThriftClient());
            assertThat(properties.getProperty("LogLevel")).isEqualTo("WARN");
            assertThat(properties.getProperty("EnableTelemetry")).isEqualTo("0");
            assertThat(properties.getProperty("ssl")).isEqualTo("1");
        }
    }

    @Test
    void aMissingOrUnexpectedSecretIsRejected() {
        assertThatThrownBy(() -> DatabricksJdbcUrl.of(settings(new SignIn.PersonalAccessToken(), Transport.THRIFT),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabricksJdbcUrl.of(settings(SignIn.OAuthBrowser.withDefaultClient(), Transport.THRIFT),
                Optional.of(new ProviderSecret(TOKEN)))).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(TOKEN);
    }

    @Test
    void settingsNormaliseAPastedUrlAndRefuseUrlInjection() {
        ProviderConnectionSettings pasted = ProviderConnectionSettings.of("https://" + HOST + "/", "sql/1.0/warehouses/x1",
                " ", new SignIn.PersonalAccessToken());
        assertThat(pasted.host()).isEqualTo(HOST);
        assertThat(pasted.httpPath()).isEqualTo("/sql/1.0/warehouses/x1");
        assertThat(pasted.catalog()).isEmpty();

        assertThatThrownBy(() -> ProviderConnectionSettings.of(HOST + ";LogLevel=TRACE", PATH, null,
                new SignIn.PersonalAccessToken())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderConnectionSettings.of(HOST, PATH + ";LogLevel=DEBUG", null,
                new SignIn.PersonalAccessToken())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderConnectionSettings.of(HOST, PATH, "main;LogLevel=DEBUG",
                new SignIn.PersonalAccessToken())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsNeverAppearInStringForms() {
        ProviderSecret secret = new ProviderSecret(TOKEN);
        assertThat(secret.toString()).doesNotContain(TOKEN);
        assertThat(new uk.consumptioninsights.dataaccess.provider.credentials.SecretFound(secret).toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void overridesReplaceDriverPropertiesButNeverSecretsOrTheLogLevel() {
        DatabricksJdbcUrl jdbc = DatabricksJdbcUrl.of(settings(new SignIn.PersonalAccessToken(), Transport.THRIFT),
                Optional.of(new ProviderSecret(TOKEN))).withOverrides(java.util.Map.of("ssl", "0", "supportManyParameters", "1"));

        assertThat(jdbc.url()).contains(";ssl=0").doesNotContain("ssl=1").contains(";supportManyParameters=1")
                .contains("LogLevel=WARN").doesNotContain(TOKEN);
        assertThat(jdbc.properties().getProperty("PWD")).isEqualTo(TOKEN);
        assertThat(jdbc.properties().getProperty("ssl")).isEqualTo("0");
        for (String forbidden : new String[] {"PWD", "pwd", "OAuth2Secret", "LogLevel", "UID"}) {
            assertThatThrownBy(() -> jdbc.withOverrides(java.util.Map.of(forbidden, "x")))
                    .as(forbidden).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> jdbc.withOverrides(java.util.Map.of("ssl", "0;LogLevel=DEBUG")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
