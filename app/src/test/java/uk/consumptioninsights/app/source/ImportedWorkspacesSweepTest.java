package uk.consumptioninsights.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.app.importer.ImportedSource;
import uk.consumptioninsights.app.testsupport.MeterCsvFiles;
import uk.consumptioninsights.dataaccess.fixture.ChildJvm;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.PartialImports;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceFiles;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.work.Progress;

/**
 * An import killed part-way (kill -9, in a real second process) leaves a workspace marked as unfinished; the next
 * start's sweep removes it with all its files, and never a complete import or one a running workbench is still doing.
 */
class ImportedWorkspacesSweepTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCompleteImportIsMarkedFinishedAndKeepsItsReportFile() throws Exception {
        Path folder = dir.resolve("workspaces");
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv"));
        try (ImportedWorkspaces workspaces = new ImportedWorkspaces(folder, UnaryOperator.identity(), CLOCK, Runnable::run)) {
            ImportedSource imported = workspaces.importCsv(csv.file(), Progress.NONE);

            WorkspaceFiles files = WorkspaceFiles.of(imported.workspaceFile());
            assertThat(files.unfinishedImportMark()).doesNotExist();
            assertThat(imported.report().reportFile()).contains(files.importReport());
            assertThat(Files.readAllLines(files.importReport())).hasSize(1 + 3);
            assertThat(PartialImports.find(folder)).isEmpty();
        }
    }

    @Test
    void anImportKilledPartWayIsKeptWhileItsWorkbenchRunsAndRemovedByTheNextStartButACompleteOneStays() throws Exception {
        Path folder = dir.resolve("workspaces");
        Path complete;
        try (ImportedWorkspaces workspaces = new ImportedWorkspaces(folder, UnaryOperator.identity(), CLOCK, Runnable::run)) {
            complete = workspaces.importCsv(MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file(), Progress.NONE)
                    .workspaceFile();
        }
        // Over 16,384 lines, so reading reports progress (where the child stops) after bad lines reached the report file.
        Path big = MeterCsvFiles.write(dir.resolve("big.csv"), 10, 40, List.of("MAC000002,2013-01-01 00:10:00, 0.1 "),
                List.of(0)).file();
        Path partial = folder.resolve("big-20261122T0015.duckdb");
        WorkspaceFiles partialFiles = WorkspaceFiles.of(partial);
        Map<Path, FileTime> completeBefore = modified(folder);

        try (ChildJvm other = ChildJvm.start(dir.resolve("child-errors.log"), List.of(), ImportUntilKilled.class,
                big.toString(), folder.toString())) {
            other.awaitLine("importing");

            PartialImports.Sweep whileRunning = new ImportedWorkspaces(folder, UnaryOperator.identity(), CLOCK,
                    Runnable::run).sweepPartialImports();
            assertThat(whileRunning.inUse()).containsExactly(partial);
            assertThat(whileRunning.removed()).isEmpty();

            other.kill();
            assertThat(other.output()).doesNotContain("finished");
        }
        assertThat(partial).exists();
        assertThat(partialFiles.key()).exists();
        assertThat(partialFiles.importReport()).exists();
        assertThat(partialFiles.unfinishedImportMark()).exists();
        assertThat(PartialImports.find(folder)).containsExactly(partial);

        PartialImports.Sweep atNextStart = new ImportedWorkspaces(folder, UnaryOperator.identity(), CLOCK, Runnable::run)
                .sweepPartialImports();

        assertThat(atNextStart.removed()).containsExactly(partial);
        assertThat(partialFiles.all()).noneMatch(Files::exists);
        assertThat(modified(folder)).as("the complete import, untouched").isEqualTo(completeBefore);
        try (LocalWorkspace reopened = LocalWorkspace.open(complete)) {
            assertThat(reopened.status()).isEqualTo(WorkspaceStatus.READY);
        }
    }

    private static Map<Path, FileTime> modified(Path folder) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : files.toList()) {
                times.put(path, Files.getLastModifiedTime(path));
            }
        }
        return times;
    }
}
