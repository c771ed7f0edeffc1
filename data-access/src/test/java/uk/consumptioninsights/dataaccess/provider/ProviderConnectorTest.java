package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.provider.fixture.DatabricksHttpFaultFixture;
import uk.consumptioninsights.dataaccess.provider.fixture.SilentSocketFixture;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;

/**
 * The real driver, against a loopback socket that accepts connections and never answers, against the loopback
 * workspace fixture while it stops answering and after, and against no host at all.
 */
class ProviderConnectorTest {

    private static final String TOKEN = "dapi-connector-test-0123456789";
    private static final String EXPIRED_TOKEN = "dapi-connector-expired-9876543210";

    @Test
    void aWorkspaceThatNeverAnswersTimesOutWithinTheConnectTimeout() throws Exception {
        try (SilentSocketFixture silent = SilentSocketFixture.start()) {
            ProviderConnector connector = connector(silent.host(), Duration.ofSeconds(3));
            long started = System.nanoTime();
            assertThatThrownBy(connector::open)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.failure().category()).isEqualTo(FailureCategory.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not answer within 3 s").doesNotContain(TOKEN);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(silent.acceptedCount()).isPositive();
        }
    }

    /**
     * The driver cannot be told to drop a request it is waiting on, so an attempt abandoned at the connect deadline
     * must let go by itself: its first request (the host-metadata probe, made while the driver holds a JVM-wide lock)
     * is closed within the read timeout, not after the driver's default 900 s.
     */
    @Test
    void anAbandonedAttemptClosesItsSilentRequestWithinTheReadTimeout() throws Exception {
        try (SilentSocketFixture silent = SilentSocketFixture.start()) {
            ProviderConnector connector = connector(silent.host(), Duration.ofSeconds(2));
            assertThatThrownBy(connector::open).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.TIMEOUT));

            // Margin for a loaded machine; without the bound the connection stays open for 900 s.
            Duration limit = connector.settings().readTimeout().plusSeconds(20);
            assertThat(silent.firstConnectionOpenFor(limit)).isLessThanOrEqualTo(limit);
        }
    }

    /**
     * Several attempts time out together (the tabs open sessions in parallel while the workspace is unreachable); once
     * it answers again, as many new attempts all connect within their own timeout. Before the driver's read timeout was
     * bounded, an unanswered probe of an abandoned attempt held a lock that new attempts could wait on for 15 minutes.
     */
    @Test
    void attemptsThatTimedOutDoNotHoldUpTheNextOnes() throws Exception {
        int parallel = 8;
        ExecutorService attempts = Executors.newFixedThreadPool(parallel);
        try (DatabricksHttpFaultFixture workspace = DatabricksHttpFaultFixture.start(TOKEN, EXPIRED_TOKEN)) {
            workspace.stopAnswering();
            List<Future<ConnectionCheck>> stalled = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                stalled.add(attempts.submit(() -> fixtureConnector(workspace, Duration.ofSeconds(2)).check()));
            }
            for (Future<ConnectionCheck> attempt : stalled) {
                assertThatThrownBy(() -> attempt.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(ProviderException.class)
                        .satisfies(e -> assertThat(((ProviderException) e.getCause()).failure().category())
                                .isEqualTo(FailureCategory.TIMEOUT));
            }
            assertThat(workspace.stalledRequestCount()).as("requests left unanswered").isPositive();
            workspace.resumeAnswering();

            ProviderConnectionSettings defaults = fixtureConnector(workspace,
                    ProviderConnectionSettings.DEFAULT_CONNECT_TIMEOUT).settings();
            List<Future<ConnectionCheck>> retries = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                retries.add(attempts.submit(() -> fixtureConnector(workspace, defaults.connectTimeout()).check()));
            }
            for (Future<ConnectionCheck> retry : retries) {
                assertThat(retry.get(defaults.connectTimeout().plusSeconds(30).toSeconds(), TimeUnit.SECONDS).user())
                        .isEqualTo(DatabricksHttpFaultFixture.USER);
            }
        } finally {
            attempts.shutdownNow();
        }
    }

    @Test
    void theDriverWritesItsLogIntoTheWorkbenchLogFolderNotTheWorkingFolder() throws Exception {
        try (DatabricksHttpFaultFixture workspace = DatabricksHttpFaultFixture.start(TOKEN, EXPIRED_TOKEN)) {
            ProviderConnectionSettings settings = fixtureConnector(workspace, Duration.ofSeconds(30)).settings();
            ProviderConnector wrongToken = new ProviderConnector(settings, Optional.of(
                    new ProviderSecret("dapi-not-this-workspace-000")), DatabricksHttpFaultFixture.driverOverrides());
            assertThatThrownBy(wrongToken::open).isInstanceOf(ProviderException.class);
        }
        Path logs = WorkspaceLocation.dataHome().resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("databricks_jdbc.log"));
        }
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("user.dir")))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("databricks_jdbc"));
        }
    }

    @Test
    void anUnknownHostIsReportedAsAWrongHost() {
        ProviderConnector connector = connector("no-such-workspace.invalid", Duration.ofSeconds(60));
        assertThatThrownBy(connector::open)
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.WRONG_HOST);
                    assertThat(e.getMessage()).contains("host could not be found").doesNotContain(TOKEN);
                    assertThat(e.failure().detail()).doesNotContain(TOKEN);
                });
    }

    private static ProviderConnector fixtureConnector(DatabricksHttpFaultFixture workspace, Duration connectTimeout) {
        ProviderConnectionSettings settings = new ProviderConnectionSettings(workspace.host(),
                DatabricksHttpFaultFixture.HTTP_PATH, Optional.of("settlement"), Optional.of("gold"),
                new SignIn.PersonalAccessToken(), Transport.THRIFT, connectTimeout, Duration.ofSeconds(30));
        return new ProviderConnector(settings, Optional.of(new ProviderSecret(TOKEN)),
                DatabricksHttpFaultFixture.driverOverrides());
    }

    private static ProviderConnector connector(String host, Duration connectTimeout) {
        ProviderConnectionSettings settings = new ProviderConnectionSettings(host, "/sql/1.0/warehouses/abc",
                Optional.of("main"), Optional.of("gold"), new SignIn.PersonalAccessToken(), Transport.THRIFT,
                connectTimeout, Duration.ofSeconds(30));
        return new ProviderConnector(settings, Optional.of(new ProviderSecret(TOKEN)), Map.of("ssl", "0"));
    }
}
