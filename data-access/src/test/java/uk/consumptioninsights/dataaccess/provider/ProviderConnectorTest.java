package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;

/** The real driver, against a loopback socket that accepts connections and never answers, and against no host at all. */
class ProviderConnectorTest {

    private static final String TOKEN = "dapi-connector-test-0123456789";

    @Test
    void aWorkspaceThatNeverAnswersTimesOutWithinTheConnectTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // The socket closed at the end of the test.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProviderConnector connector = connector("127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(3));
            long started = System.nanoTime();
            assertThatThrownBy(connector::open)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.failure().category()).isEqualTo(FailureCategory.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not answer within 3 s").doesNotContain(TOKEN);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
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

    private static ProviderConnector connector(String host, Duration connectTimeout) {
        ProviderConnectionSettings settings = new ProviderConnectionSettings(host, "/sql/1.0/warehouses/abc",
                Optional.of("main"), Optional.of("gold"), new SignIn.PersonalAccessToken(), Transport.THRIFT,
                connectTimeout, Duration.ofSeconds(30));
        return new ProviderConnector(settings, Optional.of(new ProviderSecret(TOKEN)), Map.of("ssl", "0"));
    }
}
