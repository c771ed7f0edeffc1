package uk.consumptioninsights.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.dataaccess.provider.credentials.InMemoryCredentialStore;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.PartialImports;
import uk.consumptioninsights.dataaccess.workspace.UnfinishedImport;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceFiles;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.synthetic.FleetSettings;

/** Starting the workbench sweeps its workspaces folder of imports a previous run left unfinished, and only those. */
class AppContextStartupSweepTest {

    @TempDir
    Path home;

    @Test
    void startingRemovesAPartialImportLeftByAKilledRunAndKeepsEveryOtherWorkspace() throws Exception {
        Path folder = home.resolve("workspaces");
        Path local = folder.resolve("local.duckdb");
        Path partial = folder.resolve("lcl-20261122T0015.duckdb");
        Path complete = folder.resolve("lcl-20261121T0900.duckdb");
        workspace(local, WorkspaceStatus.BUILDING); // the default workspace, mid-build: rebuilt on open, never swept
        workspace(complete, WorkspaceStatus.READY);
        UnfinishedImport mark = UnfinishedImport.begin(partial, "lcl.csv");
        workspace(partial, WorkspaceStatus.BUILDING);
        mark.close(); // as the process's death would

        AppConfig config = new AppConfig(local, FleetSettings.defaults(LocalDate.of(2026, 11, 20)));
        try (AppContext context = AppContext.create(config, Settings.inMemory(), UnaryOperator.identity(),
                new AppContext.ProviderWiring(new InMemoryCredentialStore(), Map.of()))) {
            PartialImports.Sweep sweep = context.partialImportSweep().get(1, TimeUnit.MINUTES);

            assertThat(sweep.removed()).containsExactly(partial);
        }
        assertThat(WorkspaceFiles.of(partial).all()).noneMatch(Files::exists);
        assertThat(local).exists();
        assertThat(complete).exists();
        assertThat(WorkspaceFiles.of(complete).key()).exists();
    }

    private static void workspace(Path file, WorkspaceStatus status) throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            workspace.putInfo(Map.of("status", status.name()));
        }
    }
}
