package uk.consumptioninsights.dataaccess.provider.peer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderConnector;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.SignIn;
import uk.consumptioninsights.dataaccess.provider.Transport;

/**
 * One Spark peer and shim for every provider-peer test in the JVM: starting Spark costs 10-20 s on two cores. Stopped
 * by a shutdown hook, and the peer also stops itself when this JVM dies (see {@link SparkSqlPeer}).
 */
public final class PeerRuntime {

    /** Where Delta tables go on the peer: Delta's catalog can only be Spark's session catalog. */
    public static final String CATALOG = "spark_catalog";
    public static final String SCHEMA = "gold";
    /** The peer ignores the token; a real workspace would check it. Never a real secret. */
    public static final String TEST_TOKEN = "peer-test-token-7f3a";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(90);

    private static PeerRuntime shared;

    private final SparkSqlPeer peer;
    private final ThriftProtocolShim shim;

    private PeerRuntime(SparkSqlPeer peer, ThriftProtocolShim shim) {
        this.peer = peer;
        this.shim = shim;
    }

    public static synchronized PeerRuntime shared() throws Exception {
        if (shared == null) {
            long started = System.nanoTime();
            SparkSqlPeer peer = SparkSqlPeer.start(Duration.ofMinutes(3), Duration.ofMinutes(25));
            // The shim drops a relay once the driver no longer waits for its answer.
            ThriftProtocolShim shim = ThriftProtocolShim.start(peer.port(), settings(0, CATALOG, SCHEMA).readTimeout());
            System.out.printf("provider peer ready in %d ms (log %s)%n", (System.nanoTime() - started) / 1_000_000, peer.log());
            shared = new PeerRuntime(peer, shim);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shim.close();
                try {
                    peer.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "provider-peer-stop"));
        }
        return shared;
    }

    public SparkSqlPeer peer() {
        return peer;
    }

    public ThriftProtocolShim shim() {
        return shim;
    }

    /** The workbench's own connector, pointed at the shim: the production URL and properties plus the peer's needs. */
    public ProviderConnector connector(String catalog, String schema) {
        ProviderConnectionSettings settings = settings(shim.address().getPort(), catalog, schema);
        // Reference notes §4 step 3: plain HTTP on loopback, parameters interpolated by the driver (OSS Spark ignores
        // native ones), and no inline streaming (it hangs on Spark's empty final batch).
        return new ProviderConnector(settings, Optional.of(new ProviderSecret(TEST_TOKEN)), Map.of(
                "ssl", "0", "supportManyParameters", "1", "EnableInlineStreaming", "0", "RowsFetchedPerBlock", "50000"));
    }

    private static ProviderConnectionSettings settings(int shimPort, String catalog, String schema) {
        return new ProviderConnectionSettings("127.0.0.1:" + shimPort, "cliservice", Optional.of(catalog),
                Optional.of(schema), new SignIn.PersonalAccessToken(), Transport.THRIFT, CONNECT_TIMEOUT,
                Duration.ofMinutes(5));
    }

    public ProviderConnector goldConnector() {
        return connector(CATALOG, SCHEMA);
    }
}
