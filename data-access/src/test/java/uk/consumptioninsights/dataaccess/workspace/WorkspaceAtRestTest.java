package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Issue 13: a workspace the workbench creates is its user's alone on disk (folder rwx------, database, write-ahead log
 * and key rw-------), existing files are tightened when opened, and any path the file system accepts works, including
 * the characters the DuckDB JDBC URL treats as syntax.
 */
class WorkspaceAtRestTest {

    @TempDir
    Path dir;

    @Test
    void aBuiltWorkspaceAndTheFolderMadeForItAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file modes");
        Path folder = dir.resolve("made").resolve("workspaces");
        Path file = folder.resolve("w.duckdb");
        LocalDate last = LocalDate.of(2026, 3, 30);
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            new SyntheticWorkspaceBuilder(new FleetSettings(2L, 12, last.minusDays(3), last, 0.1), InjectionRates.defaults())
                    .build(workspace, Progress.NONE);
            assertOwnerOnly(file);
        }
    }

    @Test
    void anImportedWorkspaceIsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file modes");
        Path csv = dir.resolve("meters.csv");
        StringBuilder lines = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (int h = 0; h < 48; h++) {
            lines.append(String.format("MAC000001,2013-01-01 %02d:%02d:00.0000000,0.%03d%n", h / 2, h % 2 * 30, 100 + h));
        }
        Files.writeString(csv, lines);
        Path file = dir.resolve("imported").resolve("m.duckdb");
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            new uk.consumptioninsights.dataaccess.importer.LondonCsvImport().importFile(csv, workspace, Progress.NONE);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.hh_readings")).isEqualTo(48);
            assertOwnerOnly(file);
        }
    }

    @Test
    void aWorkspaceLeftReadableByOthersIsTightenedWhenOpened() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file modes");
        Path file = dir.resolve("old.duckdb");
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            workspace.putInfo(Map.of("kept", "yes"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(workspace.info()).containsEntry("kept", "yes");
        }
    }

    @Test
    void aPathWithTheUrlsSeparatorsAndQuotesOpensTheFileItNames() throws SQLException {
        Path folder = dir.resolve("a;b=c d#e 'f' %20");
        Path file = folder.resolve("w;x=2 #1.duckdb");
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            workspace.putInfo(Map.of("where", "here"));
        }
        assertThat(file).exists();
        try (LocalWorkspace reopened = LocalWorkspace.open(file)) {
            assertThat(reopened.info()).containsEntry("where", "here");
            assertThat(WorkspaceSql.longOf(reopened, "SELECT count(*) FROM gold.meters")).isZero();
        }
    }

    @Test
    void aFolderWhosePathHoldsAQuestionMarkIsRefusedWithItsOwnMessageBeforeAnythingIsWritten() {
        Path file = dir.resolve("what?").resolve("w.duckdb");
        assertThatThrownBy(() -> LocalWorkspace.open(file)).satisfies(e -> {
            assertThat(StorageProblem.of(e)).contains(StorageProblem.PATH_WITH_QUESTION_MARK);
            assertThat(StorageProblem.PATH_WITH_QUESTION_MARK.explain("Opening the workspace", e))
                    .contains("contains a '?'").contains("Choose a data folder whose path has no '?'");
        });
        assertThat(dir.resolve("what?").resolve("w.duckdb")).doesNotExist();
    }

    /** The workspace's folder, database, key and (while there is one) write-ahead log are the owner's alone. */
    private static void assertOwnerOnly(Path file) throws java.io.IOException {
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(LocalWorkspace.keyFileFor(file))).isEqualTo("rw-------");
        Path wal = Path.of(file + ".wal");
        if (Files.exists(wal)) {
            assertThat(mode(wal)).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
