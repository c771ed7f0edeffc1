package uk.consumptioninsights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.app.testsupport.MeterCsvFiles;

/** {@code ciw import}: the Import dialog's importer into a new workspace beside the default one, then usable by the other commands. */
class CiwImportTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void importsIntoANewWorkspaceWithTheReportAndExportsFromIt() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(files.resolve("lcl.csv"));

        CiwRun run = CiwRun.of("--workspace", home.toString(), "import", csv.file().toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode answer = run.json();
        assertThat(answer.get("readingsImported").asLong()).isEqualTo(csv.readings());
        assertThat(answer.get("households").asInt()).isEqualTo(csv.households());
        assertThat(answer.get("rejected").asLong()).isEqualTo(3);
        assertThat(answer.get("linesRead").asLong()).isEqualTo(csv.readings() + 3);
        Path workspace = Path.of(answer.get("workspace").asText());
        assertThat(workspace.getParent()).isEqualTo(home.resolve("workspaces").toAbsolutePath());
        assertThat(workspace.getFileName().toString()).startsWith("lcl-").endsWith(".duckdb");
        assertThat(Path.of(answer.get("importReport").asText())).exists();

        CiwRun overview = CiwRun.of("--workspace", workspace.toString(), "export", "overview", "--purpose", "settlement",
                "-o", files.resolve("overview.csv").toString(), "--json");
        assertThat(overview.exitCode()).as(overview.toString()).isZero();
        String row = Files.readAllLines(files.resolve("overview.csv")).get(1);
        assertThat(row).startsWith("Settlement,2013-01-01,2013-01-02,3,").contains("," + csv.readings() + ",");
    }

    @Test
    void aFileThatIsNotMeterDataIsADataProblemAndLeavesNoWorkspace() throws Exception {
        Path wrong = MeterCsvFiles.wrongHeader(files.resolve("wrong.csv"));

        CiwRun run = CiwRun.of("--workspace", home.toString(), "import", wrong.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("ciw: ").contains("wrong.csv");
        assertThat(run.out()).isEmpty();
        try (Stream<Path> left = Files.list(home.resolve("workspaces"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("wrong"))).isEmpty();
        }
    }

    @Test
    void ctrlCStopsTheImportAndLeavesNoWorkspace() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(files.resolve("lcl.csv"));
        Cancellation pressed = new Cancellation();
        pressed.cancel();

        CiwRun run = CiwRun.with(pressed, "--workspace", home.toString(), "import", csv.file().toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(run.errLines()).containsExactly("ciw: Cancelled before it finished; no half-done result is used.");
        assertThat(run.json().get("exitCode").asInt()).isEqualTo(130);
        try (Stream<Path> left = Files.list(home.resolve("workspaces"))) {
            assertThat(left).as("no workspace, key, mark or report left").isEmpty();
        }
    }
}
