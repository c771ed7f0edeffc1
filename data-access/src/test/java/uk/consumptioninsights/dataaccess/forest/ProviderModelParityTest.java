package uk.consumptioninsights.dataaccess.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.EventFeatures;
import uk.consumptioninsights.model.anomaly.detect.FleetContext;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.LearnedRanking;
import uk.consumptioninsights.model.anomaly.detect.MeterSeries;
import uk.consumptioninsights.model.anomaly.learned.IsolationForestNovelty;
import uk.consumptioninsights.model.anomaly.learned.ProviderForest;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/**
 * The provider notebook's model ({@code notebooks/lib/anomaly_model.py}, {@code fleet_features.py}) against the
 * workbench: the Python event features equal {@link EventFeatures} on the same fleet and windows; the forest it fits
 * and exports scores in the workbench exactly as scikit-learn scores it; and the learned_score it writes is the
 * workbench's ranking value. The driver ({@code notebooks/tests/model_parity_driver.py}) writes the fleet, its
 * features, the exported forest, sklearn's {@code score_samples} of 10,000 rows and the ranking values of 400
 * detections.
 */
class ProviderModelParityTest {

    private static final double TOLERANCE = 1e-9;
    private static final Duration DRIVER_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path scratch;

    @BeforeAll
    static void runDriver() throws IOException, InterruptedException {
        NotebookPython.requireScikitLearn(scratch);
        Path driver = NotebookPython.notebooks().resolve("tests/model_parity_driver.py");
        NotebookPython.run(scratch, DRIVER_TIMEOUT, driver.toString(), scratch.toString()).requireSuccess();
    }

    @Test
    void theWorkbenchScoresTheExportedForestAsScikitLearnDoes() throws IOException {
        ProviderForest forest = ProviderForestJson.read(scratch.resolve("forest.json"));
        double[][] rows = readMatrix(scratch.resolve("score_rows.csv"));
        double[] expected = column(readMatrix(scratch.resolve("sklearn_scores.csv")));

        double[] actual = forest.compile().scoreSamples(rows);

        assertThat(rows).hasNumberOfRows(10_000);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("score_samples of row %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    @Test
    void theNotebookFitsTheForestTheWorkbenchFits() throws IOException {
        ProviderForest forest = ProviderForestJson.read(scratch.resolve("forest.json"));
        IsolationForestNovelty workbench = IsolationForestNovelty.defaults();

        assertThat(forest.featureNames()).isEqualTo(EventFeatures.NAMES);
        assertThat(forest.trees()).hasSize(workbench.trees());
        assertThat(forest.maxSamples()).isEqualTo(workbench.maxSamples());
        // contamination "auto", the workbench's setting, fixes sklearn's offset at -0.5.
        assertThat(forest.offset()).isEqualTo(-0.5);
    }

    @Test
    void theNotebookComputesTheWorkbenchsEventFeatures() throws IOException {
        JsonNode window = new ObjectMapper().readTree(scratch.resolve("window.json").toFile());
        FleetWindow fleet = new FleetWindow(readMeters(scratch.resolve("meters.csv")),
                Instant.ofEpochSecond(window.get("from").asLong()),
                Instant.ofEpochSecond(window.get("score_from").asLong()), Instant.ofEpochSecond(window.get("to").asLong()));
        List<EventFeatures.Window> windows = readWindows(scratch.resolve("windows.csv"));
        double[][] python = readMatrix(scratch.resolve("features.csv"));

        double[][] workbench = EventFeatures.of(FleetContext.build(fleet, Progress.NONE), windows);

        assertThat(Files.readAllLines(scratch.resolve("features.csv")).get(0).split(","))
                .containsExactlyElementsOf(EventFeatures.NAMES);
        assertThat(python).hasSameDimensionsAs(workbench);
        for (int w = 0; w < workbench.length; w++) {
            for (int f = 0; f < EventFeatures.NAMES.size(); f++) {
                assertThat(python[w][f]).as("%s of window %s", EventFeatures.NAMES.get(f), windows.get(w))
                        .isCloseTo(workbench[w][f], within(TOLERANCE));
            }
        }
    }

    @Test
    void theNotebookRanksDetectionsAsTheWorkbenchDoes() throws IOException {
        List<String> lines = Files.readAllLines(scratch.resolve("ranking.csv"));
        List<Detection> detections = new ArrayList<>();
        double[] novelty = new double[lines.size() - 1];
        double[] python = new double[novelty.length];
        Instant start = Instant.parse("2026-03-22T00:00:00Z");
        for (int i = 0; i < novelty.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            AnomalyType type = AnomalyType.fromCode(cells[0]);
            double score = Double.parseDouble(cells[1]);
            detections.add(new Detection("M" + i, type, "pattern", Detection.severityFor(type, score), score, start,
                    start.plusSeconds(1800), 0, 0, "parity"));
            novelty[i] = Double.parseDouble(cells[2]);
            python[i] = Double.parseDouble(cells[3]);
        }

        double[] workbench = LearnedRanking.rankingValues(detections, novelty, LearnedRanking.DEFAULT_NOVELTY_WEIGHT);

        assertThat(detections).extracting(Detection::type).containsAll(List.of(AnomalyType.values()));
        for (int i = 0; i < workbench.length; i++) {
            assertThat(python[i]).as("learned_score of detection %d", i).isCloseTo(workbench[i], within(TOLERANCE));
        }
    }

    @Test
    void theNotebooksWholeRankingRunExportsTheForestItScoredWith() throws IOException {
        JsonNode run = new ObjectMapper().readTree(scratch.resolve("pipeline.json").toFile());
        ProviderForest forest = ProviderForestJson.parse(run.get("forest").toString(), "pipeline.json forest");
        double[][] features = new ObjectMapper().treeToValue(run.get("detection_features"), double[][].class);
        double[] novelty = new ObjectMapper().treeToValue(run.get("novelty"), double[].class);
        double[] learned = new ObjectMapper().treeToValue(run.get("learned_score"), double[].class);

        double[] workbench = forest.scoreSamples(features);

        // The detections of a meter without readings and after a meter's last reading are dropped; the others scored.
        assertThat(run.get("dropped").asInt()).isEqualTo(2);
        assertThat(run.get("anomaly_ids").toString()).doesNotContain("elsewhere").doesNotContain("afterwards")
                .contains("\"d0\"");
        assertThat(features).hasNumberOfRows(run.get("anomaly_ids").size());
        // LearnedRanking's floor of ordinary windows (MIN_ORDINARY) for a few dozen detections.
        assertThat(run.get("training_windows").asInt()).isEqualTo(2_048);
        for (int i = 0; i < workbench.length; i++) {
            assertThat(-workbench[i]).as("novelty of detection %d", i).isCloseTo(novelty[i], within(TOLERANCE));
        }
        assertThat(learned).hasSize(features.length).doesNotContain(Double.NaN);
        assertThat(Arrays.stream(learned).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(learned).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }

    /**
     * Notebook 05's cells cannot run here (no Spark or MLflow for Python), but they must be a Databricks notebook, be
     * valid Python and use only what the module they glue to provides.
     */
    @Test
    void notebook05IsValidPythonAndUsesOnlyTheModulesNames() throws IOException, InterruptedException {
        Path notebook = NotebookPython.notebooks().resolve("05_ml_anomaly_detection.py");
        String check = """
                import ast, sys
                sys.path.insert(0, sys.argv[2])
                import anomaly_model
                tree = ast.parse(open(sys.argv[1]).read(), sys.argv[1])
                used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
                        and isinstance(n.value, ast.Name) and n.value.id == "am"}
                missing = sorted(u for u in used if not hasattr(anomaly_model, u))
                print(len(used))
                sys.exit("anomaly_model lacks " + ", ".join(missing) if missing else 0)
                """;

        NotebookPython.Result result = NotebookPython.run(scratch, DRIVER_TIMEOUT, "-c", check, notebook.toString(),
                NotebookPython.notebooks().resolve("lib").toString()).requireSuccess();

        assertThat(Files.readAllLines(notebook).get(0)).isEqualTo("# Databricks notebook source");
        assertThat(Files.readString(notebook)).contains("\n# COMMAND ----------\n");
        assertThat(Integer.parseInt(result.stdout().strip())).as("names the notebook takes from anomaly_model")
                .isPositive();
    }

    /** meter_key,gsp_group,epoch_seconds,kwh; each meter's rows in time order. */
    private static List<MeterSeries> readMeters(Path csv) throws IOException {
        Map<String, List<String[]>> byMeter = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            byMeter.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
        }
        List<MeterSeries> meters = new ArrayList<>();
        byMeter.forEach((key, rows) -> {
            long[] t = new long[rows.size()];
            double[] kwh = new double[rows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = Long.parseLong(rows.get(i)[2]);
                kwh[i] = Double.parseDouble(rows.get(i)[3]);
            }
            meters.add(MeterSeries.adopt(key, GspGroup.fromCode(rows.get(0)[1]), t, kwh));
        });
        return meters;
    }

    private static List<EventFeatures.Window> readWindows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<EventFeatures.Window> windows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            windows.add(new EventFeatures.Window(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2])));
        }
        return windows;
    }

    /** A CSV of numbers with a header line. */
    private static double[][] readMatrix(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            rows[i - 1] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                rows[i - 1][j] = Double.parseDouble(cells[j]);
            }
        }
        return rows;
    }

    private static double[] column(double[][] rows) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][0];
        }
        return values;
    }
}
