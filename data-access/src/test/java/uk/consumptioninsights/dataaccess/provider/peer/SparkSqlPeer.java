package uk.consumptioninsights.dataaccess.provider.peer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark 3.5 + Delta Thrift Server on 127.0.0.1 in its own JVM ({@link PeerMain}). Its class path is the test class
 * path written by the provider-peer Maven profile, with the workbench's Jackson 2.22 swapped for the 2.15 that Spark
 * requires. The peer stops when this JVM dies (stdin EOF), after a maximum lifetime, or on {@link #close()}.
 */
public final class SparkSqlPeer implements AutoCloseable {

    private static final Pattern WORKBENCH_JACKSON = Pattern.compile("jackson-(core|databind|annotations)-[0-9.]+\\.jar");
    private static final List<String> ADD_OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect",
            "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private final Process process;
    private final int port;
    private final Path log;

    private SparkSqlPeer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the peer and waits for its READY line. */
    public static SparkSqlPeer start(Duration startTimeout, Duration maxLifetime) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("provider-peer.work")))
                .resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectories(work);
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        ADD_OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        command.add("-Djdk.reflect.useDirectMethodHandle=false");
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")));
        command.add("-cp");
        command.add(peerClasspath());
        command.add(PeerMain.class.getName());
        command.add(Integer.toString(port));
        command.add(work.toString());
        command.add(Long.toString(maxLifetime.toSeconds()));

        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        Path log = work.resolve("peer.log");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, ready), "provider-peer-log");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("provider peer did not become ready; log: " + log, e);
        }
        return new SparkSqlPeer(process, port, log);
    }

    /** Copies the peer's output to a log file and completes {@code ready} on the READY line. */
    private static void pump(Process process, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                if (line.startsWith("READY ")) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("peer output ended before READY"));
    }

    private static String peerClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("provider-peer.testClasses"));
        try (Stream<Path> jackson = Files.list(Path.of(System.getProperty("provider-peer.jackson")))) {
            jackson.map(Path::toString).sorted().forEach(entries::add);
        }
        String written = Files.readString(Path.of(System.getProperty("provider-peer.classpath"))).trim();
        for (String entry : written.split(Pattern.quote(File.pathSeparator))) {
            String name = Path.of(entry).getFileName().toString();
            if (!WORKBENCH_JACKSON.matcher(name).matches() && !name.startsWith("databricks-jdbc")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
