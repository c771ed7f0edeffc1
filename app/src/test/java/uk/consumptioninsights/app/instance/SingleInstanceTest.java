package uk.consumptioninsights.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-workbench-per-data-home hand-over, over real sockets on 127.0.0.1. */
class SingleInstanceTest {

    @TempDir
    Path home;

    @Test
    void aSecondLaunchHandsItsFilesAsAbsolutePathsToTheFirst() throws Exception {
        OpenRequests requests = new OpenRequests();
        BlockingQueue<List<String>> opened = new LinkedBlockingQueue<>();
        requests.handleWith(opened::add);
        try (SingleInstance first = SingleInstance.claim(home, requests).orElseThrow()) {
            assertThat(SingleInstance.claim(home, new OpenRequests())).isEmpty();

            assertThat(SingleInstance.forward(home, List.of("elexon.share", "meters.csv.gz"))).isTrue();

            assertThat(opened.poll(10, TimeUnit.SECONDS)).containsExactly(
                    Path.of("elexon.share").toAbsolutePath().toString(), Path.of("meters.csv.gz").toAbsolutePath().toString());
        }
        assertThat(SingleInstance.forward(home, List.of("elexon.share"))).isFalse();
        assertThat(SingleInstance.claim(home, requests)).isPresent().get().satisfies(SingleInstance::close);
    }

    @Test
    void theAddressIsReadableByItsOwnerOnlyAndAConnectionWithoutTheTokenOpensNothing() throws Exception {
        OpenRequests requests = new OpenRequests();
        BlockingQueue<List<String>> opened = new LinkedBlockingQueue<>();
        requests.handleWith(opened::add);
        try (SingleInstance first = SingleInstance.claim(home, requests).orElseThrow()) {
            Path address = home.resolve(InstanceAddress.FILE_NAME);
            if (Files.getFileStore(address).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(address))).isEqualTo("rw-------");
            }
            int port = InstanceAddress.read(home).orElseThrow().port();
            try (Socket intruder = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Writer out = new OutputStreamWriter(intruder.getOutputStream(), StandardCharsets.UTF_8);
                out.write("not-the-token\n/tmp/evil.share\n\n");
                out.flush();
                assertThat(intruder.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(SingleInstance.forward(home, List.of("/data/real.share"))).isTrue();

            // The listener serves one connection at a time, so the intruder's would have arrived first.
            assertThat(opened.poll(10, TimeUnit.SECONDS)).containsExactly(Path.of("/data/real.share").toAbsolutePath().toString());
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void requestsArrivingBeforeTheWindowIsReadyAreHandedOverInOrder() {
        OpenRequests requests = new OpenRequests();
        requests.deliver(List.of("a.share"));
        requests.deliver(List.of("b.csv"));
        List<List<String>> seen = new ArrayList<>();

        requests.handleWith(seen::add);
        requests.deliver(List.of("c.share"));

        assertThat(seen).containsExactly(List.of("a.share"), List.of("b.csv"), List.of("c.share"));
    }
}
