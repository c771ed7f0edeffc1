package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.ProviderConnector;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/** The real databricks-jdbc driver against a local Spark + Delta peer through the protocol shim (issue 5). */
@Tag("provider-peer")
class DatabricksPeerIT {

    private static SparkSqlPeer peer;
    private static ThriftProtocolShim shim;

    @BeforeAll
    static void startPeer() throws Exception {
        PeerRuntime runtime = PeerRuntime.shared();
        peer = runtime.peer();
        shim = runtime.shim();
    }

    @Test
    void peerAndShimListenOnLoopbackOnly() throws Exception {
        assertThat(shim.address().getAddress().isLoopbackAddress()).isTrue();
        if (ListeningSockets.supported()) {
            List<InetSocketAddress> peerListeners = ListeningSockets.of(peer.pid());
            System.out.println("peer listens on " + peerListeners);
            assertThat(peerListeners).extracting(InetSocketAddress::getPort).contains(peer.port());
            assertThat(peerListeners).allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(a.toString()).isTrue());
            assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
                    .filteredOn(a -> a.getPort() == shim.address().getPort())
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(a.toString()).isTrue());
        }
        for (InetAddress external : nonLoopbackAddresses()) {
            for (int port : new int[] {peer.port(), shim.address().getPort()}) {
                assertThatThrownBy(() -> connect(external, port)).as(external + ":" + port).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void realDriverRunsDeltaDdlAndParameterisedSelect() throws Exception {
        // Section 4 step 3 of the driver notes; supportManyParameters=1 because OSS Spark ignores native parameters.
        String url = "jdbc:databricks://127.0.0.1:" + shim.address().getPort()
                + ";ssl=0;httpPath=cliservice;AuthMech=3;UID=token;PWD=test;UseThriftClient=1;EnableTelemetry=0"
                + ";supportManyParameters=1;EnableInlineStreaming=0;RowsFetchedPerBlock=50000";
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getDriverName()).containsIgnoringCase("databricks");
            statement.execute("CREATE SCHEMA IF NOT EXISTS peer_it");
            statement.execute("CREATE TABLE peer_it.consumption (meter_id STRING, reading_date DATE, kwh DOUBLE) USING delta");
            statement.execute("INSERT INTO peer_it.consumption VALUES ('M1', DATE'2024-01-01', 1.5),"
                    + " ('M1', DATE'2024-01-02', 2.25), ('M1', DATE'2024-01-03', 0.5), ('M2', DATE'2024-01-01', 9.0)");
            try (ResultSet detail = statement.executeQuery("DESCRIBE DETAIL peer_it.consumption")) {
                assertThat(detail.next()).isTrue();
                assertThat(detail.getString("format")).isEqualTo("delta");
            }

            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT meter_id, reading_date, kwh"
                    + " FROM peer_it.consumption WHERE meter_id = ? AND kwh > ? ORDER BY reading_date")) {
                select.setString(1, "M1");
                select.setDouble(2, 1.0);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        LocalDate date = rs.getDate("reading_date").toLocalDate();
                        rows.add(rs.getString("meter_id") + " " + date + " " + rs.getDouble("kwh"));
                    }
                }
            }
            assertThat(rows).containsExactly("M1 2024-01-01 1.5", "M1 2024-01-02 2.25");
        }
        System.out.printf("driver round trip in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The workbench's own connector (production URL and properties) through the real driver: the token reaches the
     * server but no log record of the driver or the workbench, at any level the driver is configured to emit, and no
     * message of a failure.
     */
    @Test
    void theTokenAppearsInNoLogRecordAndNoFailure() throws Exception {
        List<String> records = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + Arrays.toString(record.getParameters())
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            ProviderConnector connector = PeerRuntime.shared().connector(PeerRuntime.CATALOG, "default");
            assertThat(connector.displayUrl()).doesNotContain(PeerRuntime.TEST_TOKEN).contains("LogLevel=WARN");
            assertThat(connector.check().user()).isNotBlank();
            try (Connection connection = connector.open(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_schema.no_such_table"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(ProviderFailure.classify(e).detail()).doesNotContain(PeerRuntime.TEST_TOKEN));
            }
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records).as("driver and workbench log records").noneMatch(r -> r.contains(PeerRuntime.TEST_TOKEN));
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            nic.inetAddresses()
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                    .forEach(addresses::add);
        }
        return addresses;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
        }
    }
}
