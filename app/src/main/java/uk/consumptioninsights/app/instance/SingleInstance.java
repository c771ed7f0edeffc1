package uk.consumptioninsights.app.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;

/**
 * One workbench per user and data home. The first launch holds a lock file and listens on 127.0.0.1 (an ephemeral
 * port, named with a random token in an owner-only file); a later launch, e.g. a double-clicked {@code .share} while
 * the workbench is open, sends its file arguments there and exits, and the running window opens them.
 */
public final class SingleInstance implements AutoCloseable {

    static final String LOCK_FILE = "instance.lock";
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final int READ_TIMEOUT_MS = 5_000;
    private static final int MAX_LINES = 64;
    private static final String ACCEPTED = "OK";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;
    private final Path dataHome;
    private Thread listener;

    /**
     * Data homes this JVM holds. Checked before the lock file is opened again: on Linux, closing any channel to the
     * lock file would drop this process's lock (POSIX record locks belong to the process, not the channel).
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocket server, String token, Path dataHome) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.token = token;
        this.dataHome = dataHome;
    }

    /**
     * Makes this process the running workbench for {@code dataHome}, listening for later launches' files and handing
     * them to {@code requests}; empty when another process already is.
     */
    public static Optional<SingleInstance> claim(Path dataHome, OpenRequests requests) throws IOException {
        OwnerOnly.folder(dataHome);
        Path key = dataHome.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        boolean claimed = false;
        try {
            Optional<SingleInstance> instance = claimLock(dataHome, requests);
            claimed = instance.isPresent();
            return instance;
        } finally {
            if (!claimed) {
                HELD.remove(key);
            }
        }
    }

    private static Optional<SingleInstance> claimLock(Path dataHome, OpenRequests requests) throws IOException {
        FileChannel channel = FileChannel.open(dataHome.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            new InstanceAddress(server.getLocalPort(), token).write(dataHome);
            SingleInstance instance = new SingleInstance(channel, lock, server, token, dataHome);
            instance.listener = new Thread(() -> instance.serve(requests), "ciw-second-launch-listener");
            instance.listener.setDaemon(true);
            instance.listener.start();
            return Optional.of(instance);
        } catch (IOException | RuntimeException e) {
            server.close();
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Sends {@code arguments} (made absolute: the running workbench has another working folder) to the workbench
     * running for {@code dataHome}; false when none answered.
     */
    public static boolean forward(Path dataHome, List<String> arguments) {
        Optional<InstanceAddress> address = InstanceAddress.read(dataHome);
        if (address.isEmpty()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.get().port()), READ_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(address.get().token() + "\n");
            for (String argument : arguments) {
                if (!argument.isBlank() && !argument.contains("\n")) {
                    out.write(absolute(argument) + "\n");
                }
            }
            out.write("\n");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return ACCEPTED.equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    private static String absolute(String argument) {
        try {
            return Path.of(argument.trim()).toAbsolutePath().toString();
        } catch (RuntimeException e) {
            return argument;
        }
    }

    private void serve(OpenRequests requests) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MS);
                readRequest(client).ifPresent(arguments -> {
                    LOG.info("A second launch asked to open {}", arguments);
                    requests.deliver(arguments);
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("A second launch could not hand over its files ({})", e.getMessage());
                }
            }
        }
    }

    private Optional<List<String>> readRequest(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        String offered = in.readLine();
        if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Ignored a connection to the second-launch port that did not know its token");
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty() && arguments.size() < MAX_LINES; line = in.readLine()) {
            arguments.add(line);
        }
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        out.write(ACCEPTED + "\n");
        out.flush();
        return Optional.of(arguments);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A later launch finds no address instead of a port nobody listens on.
        Files.deleteIfExists(dataHome.resolve(InstanceAddress.FILE_NAME));
        lock.release();
        lockChannel.close();
        HELD.remove(dataHome.toAbsolutePath().normalize());
    }
}
