package uk.consumptioninsights.dataaccess.provider.peer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * Entry point of the peer JVM that {@link SparkSqlPeer} starts: Spark local[2] with Delta and a Thrift server in HTTP
 * mode on 127.0.0.1. Arguments: port, work directory, maximum lifetime in seconds. Prints {@code READY <port>}.
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        long maxLifetimeSeconds = Long.parseLong(args[2]);
        startWatchdogs(maxLifetimeSeconds);

        Map<String, String> hive = new TreeMap<>();
        hive.put("hive.server2.transport.mode", "http");
        hive.put("hive.server2.thrift.http.port", Integer.toString(port));
        hive.put("hive.server2.thrift.http.path", "cliservice");
        hive.put("hive.server2.authentication", "NONE");
        hive.put("hive.server2.enable.doAs", "false");
        // Ignored by Spark 3.5 in HTTP mode (see rebindToLoopback), but harmless and right for binary mode.
        hive.put("hive.server2.thrift.bind.host", "127.0.0.1");
        hive.forEach(System::setProperty);

        SparkSession.Builder builder = SparkSession.builder()
                .appName("provider-peer")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.local.dir", Files.createDirectories(work.resolve("tmp")).toString())
                .config("spark.sql.warehouse.dir", work.resolve("warehouse").toUri().toString())
                .config("spark.sql.catalogImplementation", "in-memory")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // Instants in and out as UTC, as the workbench keeps them.
                .config("spark.sql.session.timeZone", "UTC")
                // Unity Catalog's three-part names for governance fixtures: system.access.audit and
                // main.information_schema.*. Delta stays in the session catalog (its catalog can only be that one).
                .config("spark.sql.catalog.system", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.system.type", "hadoop")
                .config("spark.sql.catalog.system.warehouse", work.resolve("iceberg-system").toUri().toString())
                .config("spark.sql.catalog.main", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.main.type", "hadoop")
                .config("spark.sql.catalog.main.warehouse", work.resolve("iceberg-main").toUri().toString());
        hive.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();

        HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
        rebindToLoopback(server);
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The peer must never outlive the test: stdin reaches EOF when the parent dies, and there is a hard limit too. */
    private static void startWatchdogs(long maxLifetimeSeconds) {
        Thread parent = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is ever sent; we only wait for EOF.
                }
            } catch (Exception ignored) {
                // A broken pipe means the parent is gone as well.
            }
            Runtime.getRuntime().halt(0);
        }, "peer-parent-watch");
        Thread lifetime = new Thread(() -> {
            try {
                Thread.sleep(maxLifetimeSeconds * 1000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            System.err.println("provider peer: maximum lifetime reached, stopping");
            Runtime.getRuntime().halt(0);
        }, "peer-lifetime");
        parent.setDaemon(true);
        lifetime.setDaemon(true);
        parent.start();
        lifetime.start();
    }

    /**
     * Spark 3.5.4's HTTP mode creates the Jetty connector with a port only, so it listens on every interface. Re-bind
     * each connector to 127.0.0.1; reflection because the fields are private and Jetty is shaded inside Spark.
     */
    private static void rebindToLoopback(HiveThriftServer2 server) throws Exception {
        Object cliService = readField(server, "thriftCLIService");
        Object jetty = null;
        for (int i = 0; i < 300 && jetty == null; i++) {
            jetty = readField(cliService, "httpServer");
            if (jetty == null) {
                Thread.sleep(100);
            }
        }
        if (jetty == null) {
            throw new IllegalStateException("Thrift HTTP server did not start");
        }
        for (Object connector : (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty)) {
            Class<?> type = connector.getClass();
            type.getMethod("stop").invoke(connector);
            type.getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
            type.getMethod("start").invoke(connector);
            Method host = type.getMethod("getHost");
            if (!"127.0.0.1".equals(host.invoke(connector))) {
                throw new IllegalStateException("connector not on loopback: " + host.invoke(connector));
            }
        }
    }

    private static Object readField(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException next) {
                // Keep walking up the hierarchy.
            }
        }
        throw new NoSuchFieldException(name + " in " + target.getClass());
    }
}
