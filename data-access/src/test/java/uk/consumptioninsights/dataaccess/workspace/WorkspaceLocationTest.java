package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLocationTest {

    private static Properties os(String name, String home) {
        Properties p = new Properties();
        p.setProperty("os.name", name);
        p.setProperty("user.home", home);
        return p;
    }

    @Test
    void usesEachPlatformsUserDataFolder() {
        assertThat(WorkspaceLocation.dataHome(os("Linux", "/home/ann"), Map.of()))
                .isEqualTo(Path.of("/home/ann/.local/share/consumptioninsightsworkbench"));
        assertThat(WorkspaceLocation.dataHome(os("Linux", "/home/ann"), Map.of("XDG_DATA_HOME", "/data/ann")))
                .isEqualTo(Path.of("/data/ann/consumptioninsightsworkbench"));
        assertThat(WorkspaceLocation.dataHome(os("Mac OS X", "/Users/ann"), Map.of()))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/ConsumptionInsightsWorkbench"));
        assertThat(WorkspaceLocation.dataHome(os("Windows 11", "/c/Users/ann"), Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local")))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/ConsumptionInsightsWorkbench"));
    }

    @Test
    void anExplicitHomeWins() {
        Properties p = os("Linux", "/home/ann");
        assertThat(WorkspaceLocation.dataHome(p, Map.of("CIW_HOME", "/tmp/ciw"))).isEqualTo(Path.of("/tmp/ciw"));
        p.setProperty("ciw.home", "/srv/ciw");
        assertThat(WorkspaceLocation.dataHome(p, Map.of("CIW_HOME", "/tmp/ciw"))).isEqualTo(Path.of("/srv/ciw"));
    }

    @Test
    void theKeyIsCreatedOnceAndReadableOnlyByTheUser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("local.key");
        byte[] first = WorkspaceKey.loadOrCreate(file);
        byte[] second = WorkspaceKey.loadOrCreate(file);
        assertThat(first).hasSize(32).isEqualTo(second);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedKeyIsReportedNotReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("local.key");
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> WorkspaceKey.loadOrCreate(file)).hasMessageContaining("damaged").hasMessageContaining("3 bytes");
        assertThat(Files.size(file)).isEqualTo(3);
    }
}
