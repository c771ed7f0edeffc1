package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.fixture.ChildJvm;

/**
 * The start-up sweep of imports that never finished, over real DuckDB workspaces and, where another running workbench
 * matters, a real second process holding the files.
 */
class PartialImportsTest {

    @TempDir
    Path folder;

    @TempDir
    Path logs;

    @Test
    void theFilesOfAWorkspaceAreNamedAfterItsDatabase() {
        WorkspaceFiles files = WorkspaceFiles.of(folder.resolve("lcl-20261122T0015.duckdb"));

        assertThat(files.all()).extracting(path -> path.getFileName().toString()).containsExactly(
                "lcl-20261122T0015.duckdb", "lcl-20261122T0015.key", "lcl-20261122T0015.duckdb.wal",
                "lcl-20261122T0015.duckdb.tmp", "lcl-20261122T0015.import-report.csv",
                "lcl-20261122T0015.duckdb.importing");
        assertThat(files.key()).isEqualTo(LocalWorkspace.keyFileFor(files.database()));
    }

    @Test
    void aPartialImportIsListedAndRemovedWithEveryFileWhileCompleteWorkspacesAreNotTouched() throws Exception {
        Path complete = completeImport("complete.duckdb");
        Path local = folder.resolve("local.duckdb");
        LocalWorkspace.open(local).close();
        Path partial = crashedImport("partial.duckdb");
        Map<Path, FileTime> before = modified(folder);

        assertThat(PartialImports.find(folder)).containsExactly(partial);
        PartialImports.Sweep sweep = PartialImports.sweep(folder, Set.of());

        assertThat(sweep.removed()).containsExactly(partial);
        assertThat(sweep.inUse()).isEmpty();
        assertThat(sweep.failed()).isEmpty();
        assertThat(WorkspaceFiles.of(partial).all()).noneMatch(Files::exists);
        assertThat(PartialImports.find(folder)).isEmpty();
        // Everything else is as it was, to the modification time.
        before.keySet().removeIf(path -> path.getFileName().toString().startsWith("partial."));
        assertThat(modified(folder)).isEqualTo(before);
        assertThat(before).containsKeys(complete, WorkspaceFiles.of(complete).key(), WorkspaceFiles.of(complete).importReport(),
                local, WorkspaceFiles.of(local).key());
        try (LocalWorkspace reopened = LocalWorkspace.open(complete)) {
            assertThat(reopened.status()).isEqualTo(WorkspaceStatus.READY);
        }
    }

    @Test
    void aMarkLeftWithoutItsWorkspaceIsRemovedToo() throws Exception {
        Path database = folder.resolve("early.duckdb");
        UnfinishedImport.begin(database, "early.csv").close(); // cut short before the workspace was created

        PartialImports.Sweep sweep = PartialImports.sweep(folder, Set.of());

        assertThat(sweep.removed()).containsExactly(database);
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void anImportStillRunningInAnotherWorkbenchIsKeptAndRemovedOnceThatWorkbenchHasGone() throws Exception {
        Path database = folder.resolve("running.duckdb");
        try (ChildJvm other = ChildJvm.start(logs.resolve("child-errors.log"), List.of(),
                HeldImport.class, database.toString())) {
            other.awaitLine("ready");

            PartialImports.Sweep sweep = PartialImports.sweep(folder, Set.of());

            assertThat(sweep.inUse()).containsExactly(database);
            assertThat(sweep.removed()).isEmpty();
            assertThat(database).exists();
            assertThat(WorkspaceFiles.of(database).key()).exists();
            assertThat(WorkspaceFiles.of(database).unfinishedImportMark()).exists();

            other.closeInput(); // the other workbench ends without finishing its import
            assertThat(other.waitFor()).as("the other workbench's exit; its errors: %s", other.errors()).isZero();
        }

        PartialImports.Sweep after = PartialImports.sweep(folder, Set.of());
        assertThat(after.removed()).containsExactly(database);
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aMarkedWorkspaceAnotherProgramHasOpenIsKeptBecauseDuckDbLocksItsFile() throws Exception {
        Path database = crashedImport("opened.duckdb");
        try (ChildJvm other = ChildJvm.start(logs.resolve("child-errors.log"), List.of(),
                WorkspaceChildProcess.class, "hold", database.toString())) {
            other.awaitLine("OPEN");

            PartialImports.Sweep sweep = PartialImports.sweep(folder, Set.of());

            assertThat(sweep.inUse()).containsExactly(database);
            assertThat(database).exists();
            assertThat(WorkspaceFiles.of(database).unfinishedImportMark()).exists();

            other.closeInput();
            assertThat(other.waitFor()).as("the other program's exit; its errors: %s", other.errors()).isZero();
        }

        assertThat(PartialImports.sweep(folder, Set.of()).removed()).containsExactly(database);
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void importsOfThisProcessAreNotEvenLookedAt() throws Exception {
        Path database = folder.resolve("mine.duckdb");
        try (UnfinishedImport mark = UnfinishedImport.begin(database, "mine.csv");
             LocalWorkspace workspace = LocalWorkspace.open(database)) {
            PartialImports.Sweep sweep = PartialImports.sweep(folder, Set.of(database));

            assertThat(sweep.removed()).isEmpty();
            assertThat(sweep.inUse()).isEmpty();
            assertThat(sweep.failed()).isEmpty();
            assertThat(mark.mark()).exists();
            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.EMPTY);
        }
    }

    @Test
    void aCompletedImportLosesItsMarkAndASecondImportCannotTakeAMarkedName() throws Exception {
        Path database = folder.resolve("twice.duckdb");
        UnfinishedImport first = UnfinishedImport.begin(database, "a.csv");

        assertThatThrownBy(() -> UnfinishedImport.begin(database, "b.csv")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(first.mark())).startsWith("The workbench is importing a.csv into twice.duckdb");
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.mark()))).isEqualTo("rw-------");
        }

        first.complete();
        assertThat(first.mark()).doesNotExist();
        assertThat(PartialImports.find(folder)).isEmpty();
    }

    @Test
    void aFolderThatDoesNotExistHasNoPartialImports() throws Exception {
        assertThat(PartialImports.find(folder.resolve("none"))).isEmpty();
        assertThat(PartialImports.sweep(folder.resolve("none"), Set.of()).removed()).isEmpty();
    }

    /** A finished import: READY, with its import report, and no mark. */
    private Path completeImport(String name) throws IOException, SQLException {
        Path database = folder.resolve(name);
        UnfinishedImport mark = UnfinishedImport.begin(database, name + ".csv");
        try (LocalWorkspace workspace = LocalWorkspace.open(database)) {
            workspace.putInfo(Map.of("status", WorkspaceStatus.READY.name(), "kind", "imported"));
        }
        Files.writeString(WorkspaceFiles.of(database).importReport(), "line,outcome,kind,reason,text\n");
        mark.complete();
        return database;
    }

    /**
     * An import cut short: marked, BUILDING, with part of its report written, and the mark's lock gone as it goes
     * when the process dies.
     */
    private Path crashedImport(String name) throws IOException, SQLException {
        Path database = folder.resolve(name);
        UnfinishedImport mark = UnfinishedImport.begin(database, name + ".csv");
        try (LocalWorkspace workspace = LocalWorkspace.open(database)) {
            workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name(), "kind", "imported"));
        }
        Files.writeString(WorkspaceFiles.of(database).importReport(), "line,outcome,kind,reason,text\n");
        mark.close();
        return database;
    }

    private static Map<Path, FileTime> modified(Path folder) throws IOException {
        Map<Path, FileTime> times = new java.util.TreeMap<>();
        for (Path path : filesIn(folder)) {
            times.put(path, Files.getLastModifiedTime(path));
        }
        return times;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }
}
