package uk.consumptioninsights.dataaccess.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.model.anomaly.learned.ProviderForest;

class ProviderForestJsonTest {

    /*
     * Two tiny trees over (a, b), max_samples 4, offset -0.5, as a notebook would write them.
     * Tree 0: node0 a <= 0.5 (n=4) -> node1 leaf (n=1) | node2 b <= 1.5 (n=3) -> node3 leaf (n=2) | node4 leaf (n=1)
     * Tree 1: node0 b <= 0.0 (n=4) -> node1 leaf (n=3) | node2 leaf (n=1)
     * c(2) = 1, c(3) = 1.207392357589623, c(4) = 1.8516559071392855; denominator 2 c(4) = 3.703311814278571.
     * (0, 0): path lengths 1 + (1 + c(3)) = 3.2073923575896233 -> score_samples -2^(-0.8660875774011603) = -0.548632663565799
     * (1, 1): (2 + c(2)) + 1 = 4  -> -2^(-1.0801142870490978) = -0.4729913525698814
     * (1, 2): 2 + 1 = 3           -> -2^(-0.8100857152868234) = -0.5703479706671019
     * decision_function = score_samples + 0.5.
     */
    static final String TWO_TINY_TREES = """
            {
              "format": "provider-isolation-forest",
              "format_version": 1,
              "sklearn_version": "1.5.2",
              "feature_names": ["a", "b"],
              "offset": -0.5,
              "contamination": "auto",
              "max_samples": 4,
              "n_estimators": 2,
              "trees": [
                {
                  "children_left":  [1, -1, 3, -1, -1],
                  "children_right": [2, -1, 4, -1, -1],
                  "feature":        [0, -2, 1, -2, -2],
                  "threshold":      [0.5, -2.0, 1.5, -2.0, -2.0],
                  "n_node_samples": [4, 1, 3, 2, 1]
                },
                {
                  "children_left":  [1, -1, -1],
                  "children_right": [2, -1, -1],
                  "feature":        [1, -2, -2],
                  "threshold":      [0.0, -2.0, -2.0],
                  "n_node_samples": [4, 3, 1]
                }
              ]
            }
            """;

    @Test
    void readsAHandWrittenForestAndScoresItExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("forest.json");
        Files.writeString(file, TWO_TINY_TREES);
        ProviderForest forest = ProviderForestJson.read(file);
        assertThat(forest.featureNames()).containsExactly("a", "b");
        assertThat(forest.maxSamples()).isEqualTo(4);
        assertThat(forest.offset()).isEqualTo(-0.5);
        assertThat(forest.trees()).hasSize(2);

        double[] scores = forest.scoreSamples(new double[][] {{0, 0}, {1, 1}, {1, 2}});
        assertThat(scores[0]).isCloseTo(-0.548632663565799, within(1e-12));
        assertThat(scores[1]).isCloseTo(-0.4729913525698814, within(1e-12));
        assertThat(scores[2]).isCloseTo(-0.5703479706671019, within(1e-12));
        double[] decisions = forest.decisionFunction(new double[][] {{0, 0}, {1, 1}});
        assertThat(decisions[0]).isCloseTo(-0.048632663565799, within(1e-12));
        assertThat(decisions[1]).isCloseTo(0.0270086474301186, within(1e-12));
    }

    @Test
    void mapsTreeFeaturesThroughEstimatorsFeatures() {
        // Tree 1 was fitted on X[:, [1, 0]]: its feature 0 is input column 1 (b). Tree 0 on X[:, [0, 1]].
        String json = TWO_TINY_TREES.replace("\"feature\":        [1, -2, -2],",
                "\"feature\":        [0, -2, -2], \"features\": [1, 0],");
        ProviderForest forest = ProviderForestJson.parse(json, "mapped.json");
        assertThat(forest.trees().get(1).feature()[0]).isEqualTo(1);
        assertThat(forest.scoreSamples(new double[][] {{0, 0}})[0]).isCloseTo(-0.548632663565799, within(1e-12));
    }

    private static void assertRejected(String json, String... fragments) {
        assertThatThrownBy(() -> ProviderForestJson.parse(json, "bad.json"))
                .isInstanceOf(ProviderForestFormatException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("Export the forest again")
                .hasMessageContaining(fragments[0])
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void missingKeysAreNamed() {
        assertRejected(TWO_TINY_TREES.replace("\"offset\": -0.5,", ""), "required key \"offset\" is missing");
        assertRejected(TWO_TINY_TREES.replace("\"max_samples\": 4,", ""), "required key \"max_samples\" is missing");
        assertRejected(TWO_TINY_TREES.replace("\"feature_names\": [\"a\", \"b\"],", ""),
                "required key \"feature_names\" is missing");
        assertRejected(TWO_TINY_TREES.replace("\"n_node_samples\": [4, 3, 1]", "\"n_node_sample\": [4, 3, 1]"),
                "tree 1", "required key \"n_node_samples\" is missing");
    }

    @Test
    void arraysOfDifferentLengthsAreReported() {
        assertRejected(TWO_TINY_TREES.replace("[0.5, -2.0, 1.5, -2.0, -2.0]", "[0.5, -2.0, 1.5, -2.0]"),
                "tree 0", "different lengths", "threshold 4", "children_left 5");
    }

    @Test
    void childIndexOutOfRangeIsReported() {
        assertRejected(TWO_TINY_TREES.replace("\"children_right\": [2, -1, -1]", "\"children_right\": [7, -1, -1]"),
                "tree 1", "node 0", "children_right = 7 is out of range 0..2");
    }

    @Test
    void cyclesAreReported() {
        // node 2 of tree 0 points back to the root.
        assertRejected(TWO_TINY_TREES.replace("\"children_left\":  [1, -1, 3, -1, -1]",
                "\"children_left\":  [1, -1, 0, -1, -1]"), "tree 0", "reached twice", "cycle");
    }

    @Test
    void otherMalformedContentIsReported() {
        assertRejected("{ \"format\": ", "not valid JSON");
        assertRejected("[1, 2]", "one JSON object");
        assertRejected(TWO_TINY_TREES.replace("provider-isolation-forest", "something-else"), "not a provider forest");
        assertRejected(TWO_TINY_TREES.replace("\"feature\":        [0, -2, 1, -2, -2]",
                "\"feature\":        [0, -2, 5, -2, -2]"), "tree 0", "node 2 splits on feature 5", "2 feature_names");
        assertRejected(TWO_TINY_TREES.replace("\"n_estimators\": 2", "\"n_estimators\": 3"), "n_estimators",
                "incomplete");
        assertRejected(TWO_TINY_TREES.replace("[4, 1, 3, 2, 1]", "[4, 1, 3, \"2\", 1]"), "\"n_node_samples\"[3]",
                "must be an integer");
        assertRejected(TWO_TINY_TREES.replace("\"children_left\":  [1, -1, -1]", "\"children_left\":  [1, 2, -1]"),
                "tree 1", "node 1");
        assertRejected(TWO_TINY_TREES.replace("\"max_samples\": 4", "\"max_samples\": 0"), "max_samples");
        assertThatThrownBy(() -> ProviderForestJson.parse(TWO_TINY_TREES.replace("\"format_version\": 1",
                "\"format_version\": 2"), "v2.json"))
                .hasMessageContaining("format_version 2").hasMessageContaining("reads version 1");
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> ProviderForestJson.read(dir.resolve("nope.json")))
                .isInstanceOf(ProviderForestFormatException.class).hasMessageContaining("does not exist");
    }
}
