package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Issue 13: the machine's refusals are told apart, each from the real failure where this machine can produce it: a
 * lock held by another process, a full disk and a read-only disk (a small tmpfs when the test may mount one; otherwise
 * DuckDB's own words for them, recorded from the engine), and a path the locale cannot represent (LANG=C).
 */
class StorageProblemTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceHeldByAnotherProcessSaysSoAndNamesTheProcess() throws Exception {
        Path file = dir.resolve("held.duckdb");
        Process holder = child(Map.of(), "hold", file.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("OPEN");
            assertThatThrownBy(() -> LocalWorkspace.open(file)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(StorageProblem.of(e)).contains(StorageProblem.LOCK_HELD);
                assertThat(StorageProblem.LOCK_HELD.explain("Opening the workspace", e))
                        .startsWith("Opening the workspace failed: another copy of the workbench is using it (process "
                                + holder.pid() + ").")
                        .contains("Close the other copy");
            });
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
    }

    @Test
    void aFullDiskIsAFullDisk() throws Exception {
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small"), "size=2m")) {
            if (small.mounted()) {
                assertThatThrownBy(() -> {
                    try (LocalWorkspace workspace = LocalWorkspace.open(small.path().resolve("w.duckdb"))) {
                        SmallFleet.build(workspace);
                    }
                }).satisfies(e -> assertThat(StorageProblem.of(e)).contains(StorageProblem.NO_SPACE));
                return;
            }
        }
        // DuckDB's words for it, recorded from the engine on a full 2 MB tmpfs.
        SQLException recorded = new SQLException("IO Error: Could not write file \"/tmp/full/x.duckdb\": No space left on device");
        assertThat(StorageProblem.of(new RuntimeException("import failed", recorded))).contains(StorageProblem.NO_SPACE);
        assertThat(StorageProblem.of(new IOException("No space left on device"))).contains(StorageProblem.NO_SPACE);
    }

    @Test
    void aReadOnlyDiskIsAReadOnlyDisk() throws Exception {
        try (Tmpfs readOnly = Tmpfs.mount(dir.resolve("ro"), "size=1m,ro")) {
            if (readOnly.mounted()) {
                assertThatThrownBy(() -> LocalWorkspace.open(readOnly.path().resolve("w.duckdb")))
                        .satisfies(e -> assertThat(StorageProblem.of(e)).contains(StorageProblem.READ_ONLY));
                return;
            }
        }
        SQLException recorded = new SQLException("IO Error: Cannot open file \"/tmp/ro/x.duckdb\": Read-only file system");
        assertThat(StorageProblem.of(recorded)).contains(StorageProblem.READ_ONLY);
    }

    @Test
    void aRollbackThatFailsTooKeepsTheFirstCauseFindable() {
        SQLException write = new SQLException("IO Error: Could not write file \"/x\": No space left on device");
        SQLException rollback = new SQLException("TransactionContext Error: cannot rollback");
        rollback.addSuppressed(write);
        assertThat(StorageProblem.of(rollback)).contains(StorageProblem.NO_SPACE);
        assertThat(StorageProblem.of(new SQLException("Catalog Error: Table with name x does not exist!"))).isEmpty();
    }

    @Test
    void aDataFolderTheLocaleCannotRepresentSaysHowToFixIt() throws Exception {
        Process child = child(Map.of("LANG", "C", "LC_ALL", "C"), "open-home", dir.resolve("donn\\u00e9es").toString());
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).startsWith("PATH_NOT_REPRESENTABLE: Opening the workspace failed: its path has characters")
                .contains("LANG=C.UTF-8");
    }

    private static Process child(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkspaceChildProcess.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Builds a small workspace: enough writing to fill a 2 MB disk. */
    private static final class SmallFleet {
        static void build(LocalWorkspace workspace) throws SQLException {
            java.time.LocalDate last = java.time.LocalDate.of(2026, 3, 30);
            new SyntheticWorkspaceBuilder(new FleetSettings(4L, 200, last.minusDays(20), last, 0.1),
                    InjectionRates.defaults()).build(workspace, Progress.NONE);
        }
    }

    /** A tmpfs mounted for the test where the machine allows it (root with mount rights), unmounted on close. */
    private record Tmpfs(Path path, boolean mounted) implements AutoCloseable {

        static Tmpfs mount(Path at, String options) throws IOException, InterruptedException {
            Files.createDirectories(at);
            boolean ok = false;
            try {
                Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ok = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
            } catch (IOException noMountCommand) {
                ok = false;
            }
            return new Tmpfs(at, ok);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (mounted) {
                new ProcessBuilder("umount", "-l", path.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }
}
