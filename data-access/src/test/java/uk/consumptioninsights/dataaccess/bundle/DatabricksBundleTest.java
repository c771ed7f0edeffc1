package uk.consumptioninsights.dataaccess.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notebooks/databricks.yml, the provider side's asset bundle, against the project's own schema of the keys it uses
 * (notebooks/databricks.schema.json), and against the files it names: the Databricks CLI's own validation needs a
 * workspace, so this is what the build can check.
 */
class DatabricksBundleTest {

    private static final Path NOTEBOOKS = Path.of(System.getProperty("notebooks.dir", "../notebooks"));
    private static final Pattern MARKER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{var\\.([A-Za-z0-9_]+)}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private JsonNode bundle() throws IOException {
        return yaml.readTree(NOTEBOOKS.resolve("databricks.yml").toFile());
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(NOTEBOOKS.resolve("databricks.schema.json").toFile()));
    }

    @Test
    void theBundleMatchesTheSchema() throws IOException {
        assertThat(schema().validate(bundle())).isEmpty();
    }

    @Test
    void theSchemaRefusesUnknownKeysAndAnUnpausedTypo() throws IOException {
        ObjectNode typo = (ObjectNode) bundle();
        ((ObjectNode) typo.at("/resources/jobs/full_pipeline/tasks/0")).put("notebok_task", "x");
        ((ObjectNode) typo.at("/resources/jobs/full_pipeline/schedule")).put("pause_status", "paused");
        Set<ValidationMessage> errors = schema().validate(typo);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("notebok_task"))
                .anySatisfy(m -> assertThat(m).contains("pause_status"));
    }

    @Test
    void everyPathTheJobsNameExistsInTheNotebookFormatItsTaskNeeds() throws IOException {
        List<String> missing = new ArrayList<>();
        for (JsonNode job : bundle().at("/resources/jobs")) {
            for (JsonNode task : job.get("tasks")) {
                String notebook = task.at("/notebook_task/notebook_path").asText(null);
                String file = task.at("/sql_task/file/path").asText(null);
                Path path = NOTEBOOKS.resolve(notebook != null ? notebook : file).normalize();
                if (!Files.exists(path)) {
                    missing.add(notebook != null ? notebook : file);
                    continue;
                }
                String firstLine = Files.readAllLines(path).get(0);
                if (notebook == null) {
                    assertThat(firstLine).as(file + " is a plain SQL file").doesNotContain("Databricks notebook source");
                } else if (notebook.endsWith(".py")) {
                    assertThat(firstLine).as(notebook).isEqualTo("# Databricks notebook source");
                } else {
                    assertThat(firstLine).as(notebook).isEqualTo("-- Databricks notebook source");
                }
            }
        }
        assertThat(missing).as("paths named by a job but absent").isEmpty();
    }

    @Test
    void theFullPipelineRunsTheNotebooksInOrderOnAPausedSchedule() throws IOException {
        JsonNode job = bundle().at("/resources/jobs/full_pipeline");
        assertThat(job.at("/schedule/pause_status").asText()).isEqualTo("PAUSED");
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        job.get("tasks").forEach(t -> byKey.put(t.get("task_key").asText(), t));
        // A single chain: each task but the first depends on exactly the one before it.
        List<String> order = new ArrayList<>();
        String previous = null;
        for (JsonNode task : job.get("tasks")) {
            JsonNode dependsOn = task.path("depends_on");
            if (previous == null) {
                assertThat(dependsOn.isMissingNode() || dependsOn.isEmpty()).isTrue();
            } else {
                assertThat(dependsOn).hasSize(1);
                assertThat(dependsOn.get(0).get("task_key").asText()).isEqualTo(previous);
            }
            previous = task.get("task_key").asText();
            String path = task.at("/notebook_task/notebook_path").asText(task.at("/sql_task/file/path").asText());
            order.add(Path.of(path).getFileName().toString());
        }
        assertThat(order).containsExactly("00_setup.sql", "01_ingest_bronze.py", "02_transform_silver.sql",
                "03_curate_gold.sql", "gold_purpose_views.sql", "04_unity_catalog_governance.sql",
                "05_ml_anomaly_detection.py", "06_delta_sharing.sql");
        assertThat(bundle().at("/resources/jobs/setup_only/tasks")).hasSize(1);
        assertThat(bundle().at("/resources/jobs/setup_only/tasks/0/notebook_task/notebook_path").asText())
                .isEqualTo("./00_setup.sql");
    }

    @Test
    void everyParameterASqlTaskUsesIsPassedToItAndEveryVariableIsDeclared() throws IOException {
        JsonNode bundle = bundle();
        Set<String> declared = new TreeSet<>();
        bundle.get("variables").fieldNames().forEachRemaining(declared::add);
        assertThat(declared).contains("catalog", "schema", "warehouse_id", "secret_scope");
        Matcher uses = VARIABLE.matcher(Files.readString(NOTEBOOKS.resolve("databricks.yml")));
        while (uses.find()) {
            assertThat(declared).as("${var." + uses.group(1) + "}").contains(uses.group(1));
        }
        for (JsonNode job : bundle.at("/resources/jobs")) {
            Set<String> jobParameters = new TreeSet<>();
            job.path("parameters").forEach(p -> jobParameters.add(p.get("name").asText()));
            for (JsonNode task : job.get("tasks")) {
                String notebook = task.at("/notebook_task/notebook_path").asText(null);
                Set<String> passed = new TreeSet<>(jobParameters);
                Path source;
                if (notebook != null) {
                    source = NOTEBOOKS.resolve(notebook);
                } else {
                    source = NOTEBOOKS.resolve(task.at("/sql_task/file/path").asText());
                    task.at("/sql_task/parameters").fieldNames().forEachRemaining(passed::add);
                }
                if (source.toString().endsWith(".sql")) {
                    assertThat(passed).as(source + " uses").containsAll(markers(source));
                }
            }
        }
    }

    /** The named parameter markers of a SQL file, comment lines left out. */
    private static Set<String> markers(Path sql) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(sql)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            Matcher m = MARKER.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
