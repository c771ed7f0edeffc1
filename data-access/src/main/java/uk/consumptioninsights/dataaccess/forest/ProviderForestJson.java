package uk.consumptioninsights.dataaccess.forest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import uk.consumptioninsights.model.anomaly.learned.ForestTree;
import uk.consumptioninsights.model.anomaly.learned.ProviderForest;

/**
 * Reads a provider-exported scikit-learn Isolation Forest (format {@value #FORMAT}, version {@value #FORMAT_VERSION};
 * specified in {@code notebooks/provider-forest-format.md}) into a {@link ProviderForest}. Every problem is reported as a
 * {@link ProviderForestFormatException} whose message names the file, the place (key, tree, node) and what to do.
 */
public final class ProviderForestJson {

    public static final String FORMAT = "provider-isolation-forest";
    public static final int FORMAT_VERSION = 1;

    private static final String REMEDY = " Export the forest again with the provider notebook"
            + " (format described in notebooks/provider-forest-format.md).";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderForestJson() {
    }

    /** Reads and validates a provider forest file. */
    public static ProviderForest read(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return fromTree(MAPPER.readTree(in), source);
        } catch (NoSuchFileException e) {
            throw new ProviderForestFormatException("Provider forest file " + source + " does not exist. Check the path.",
                    e);
        } catch (JsonProcessingException e) {
            throw new ProviderForestFormatException(notJson(source, e), e);
        } catch (IOException e) {
            throw new ProviderForestFormatException("Provider forest file " + source + " could not be read: "
                    + e.getMessage() + ". Check that the file is readable.", e);
        }
    }

    /** Parses and validates provider forest JSON text; {@code sourceName} names it in messages. */
    public static ProviderForest parse(String json, String sourceName) {
        try {
            return fromTree(MAPPER.readTree(json), sourceName);
        } catch (JsonProcessingException e) {
            throw new ProviderForestFormatException(notJson(sourceName, e), e);
        }
    }

    private static String notJson(String source, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return "Provider forest " + source + " is not valid JSON" + where + ": " + e.getOriginalMessage() + "." + REMEDY;
    }

    private static ProviderForest fromTree(JsonNode root, String source) {
        Reader r = new Reader(source);
        if (root == null || !root.isObject()) {
            throw r.fail("the file must hold one JSON object");
        }
        String format = r.requireText(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw r.fail("\"format\" is \"" + format + "\" but must be \"" + FORMAT + "\"; this is not a provider forest file");
        }
        long version = r.requireLong(root, "format_version", "");
        if (version != FORMAT_VERSION) {
            throw new ProviderForestFormatException("Provider forest " + source + " has format_version " + version
                    + " but this workbench reads version " + FORMAT_VERSION + ". Export it with a matching notebook"
                    + " or update the workbench.");
        }
        List<String> featureNames = r.requireStrings(root, "feature_names");
        Set<String> unique = new HashSet<>(featureNames);
        if (unique.size() != featureNames.size()) {
            throw r.fail("\"feature_names\" contains duplicates: " + featureNames);
        }
        double offset = r.requireDouble(root, "offset", "");
        long maxSamples = r.requireLong(root, "max_samples", "");
        if (maxSamples < 1) {
            throw r.fail("\"max_samples\" must be at least 1, got " + maxSamples);
        }
        JsonNode treesNode = r.require(root, "trees", "");
        if (!treesNode.isArray() || treesNode.isEmpty()) {
            throw r.fail("\"trees\" must be a non-empty array of tree objects");
        }
        if (root.has("n_estimators")) {
            long declared = r.requireLong(root, "n_estimators", "");
            if (declared != treesNode.size()) {
                throw r.fail("\"n_estimators\" is " + declared + " but \"trees\" holds " + treesNode.size()
                        + " trees; the export is incomplete");
            }
        }
        List<ForestTree> trees = new ArrayList<>(treesNode.size());
        for (int t = 0; t < treesNode.size(); t++) {
            trees.add(readTree(r, treesNode.get(t), t, featureNames.size()));
        }
        try {
            return new ProviderForest(trees, offset, maxSamples, featureNames);
        } catch (IllegalArgumentException e) {
            throw new ProviderForestFormatException("Provider forest " + source + ": " + e.getMessage() + "." + REMEDY, e);
        }
    }

    private static ForestTree readTree(Reader r, JsonNode tree, int t, int numFeatures) {
        String where = "tree " + t + ": ";
        if (tree == null || !tree.isObject()) {
            throw r.fail(where + "must be a JSON object");
        }
        int[] left = r.requireInts(tree, "children_left", where);
        int[] right = r.requireInts(tree, "children_right", where);
        int[] feature = r.requireInts(tree, "feature", where);
        double[] threshold = r.requireDoubles(tree, "threshold", where);
        long[] samples = r.requireLongs(tree, "n_node_samples", where);
        int n = left.length;
        if (right.length != n || feature.length != n || threshold.length != n || samples.length != n) {
            throw r.fail(where + "the node arrays have different lengths (children_left " + n + ", children_right "
                    + right.length + ", feature " + feature.length + ", threshold " + threshold.length
                    + ", n_node_samples " + samples.length + "); each must have one entry per node");
        }
        if (tree.has("features")) {
            // estimators_features_[t]: the tree was fitted on X[:, features], so its feature k is input column features[k].
            int[] columns = r.requireInts(tree, "features", where);
            for (int c : columns) {
                if (c < 0 || c >= numFeatures) {
                    throw r.fail(where + "\"features\" holds column " + c + " but there are only " + numFeatures
                            + " feature_names");
                }
            }
            for (int i = 0; i < n; i++) {
                if (left[i] != ForestTree.LEAF) {
                    if (feature[i] < 0 || feature[i] >= columns.length) {
                        throw r.fail(where + "node " + i + " splits on feature " + feature[i] + " but \"features\" has "
                                + columns.length + " entries");
                    }
                    feature[i] = columns[feature[i]];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (left[i] != ForestTree.LEAF && (feature[i] < 0 || feature[i] >= numFeatures)) {
                throw r.fail(where + "node " + i + " splits on feature " + feature[i] + " but there are only "
                        + numFeatures + " feature_names (valid 0.." + (numFeatures - 1) + ")");
            }
        }
        try {
            return new ForestTree(left, right, feature, threshold, samples);
        } catch (IllegalArgumentException e) {
            throw r.fail(where + e.getMessage());
        }
    }

    /** Typed access to required keys, failing with the source name and a remedy. */
    private record Reader(String source) {

        ProviderForestFormatException fail(String problem) {
            return new ProviderForestFormatException("Provider forest " + source + ": " + problem + "." + REMEDY);
        }

        JsonNode require(JsonNode parent, String key, String where) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                throw fail(where + "the required key \"" + key + "\" is missing");
            }
            return node;
        }

        String requireText(JsonNode parent, String key, String where) {
            JsonNode node = require(parent, key, where);
            if (!node.isTextual()) {
                throw fail(where + "\"" + key + "\" must be a string");
            }
            return node.asText();
        }

        long requireLong(JsonNode parent, String key, String where) {
            JsonNode node = require(parent, key, where);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw fail(where + "\"" + key + "\" must be an integer, got " + node);
            }
            return node.asLong();
        }

        double requireDouble(JsonNode parent, String key, String where) {
            JsonNode node = require(parent, key, where);
            if (!node.isNumber()) {
                throw fail(where + "\"" + key + "\" must be a number, got " + node);
            }
            return node.asDouble();
        }

        List<String> requireStrings(JsonNode parent, String key) {
            JsonNode node = require(parent, key, "");
            if (!node.isArray() || node.isEmpty()) {
                throw fail("\"" + key + "\" must be a non-empty array of strings");
            }
            List<String> out = new ArrayList<>();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                if (!e.isTextual()) {
                    throw fail("\"" + key + "\" must hold only strings, found " + e);
                }
                out.add(e.asText());
            }
            return out;
        }

        private JsonNode array(JsonNode parent, String key, String where) {
            JsonNode node = require(parent, key, where);
            if (!node.isArray()) {
                throw fail(where + "\"" + key + "\" must be an array");
            }
            return node;
        }

        int[] requireInts(JsonNode parent, String key, String where) {
            long[] values = requireLongs(parent, key, where);
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                if (values[i] != (int) values[i]) {
                    throw fail(where + "\"" + key + "\"[" + i + "] must be an integer, got " + values[i]);
                }
                out[i] = (int) values[i];
            }
            return out;
        }

        long[] requireLongs(JsonNode parent, String key, String where) {
            JsonNode node = array(parent, key, where);
            long[] out = new long[node.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = node.get(i);
                if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                    throw fail(where + "\"" + key + "\"[" + i + "] must be an integer, got " + e);
                }
                out[i] = e.asLong();
            }
            return out;
        }

        double[] requireDoubles(JsonNode parent, String key, String where) {
            JsonNode node = array(parent, key, where);
            double[] out = new double[node.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = node.get(i);
                if (!e.isNumber()) {
                    throw fail(where + "\"" + key + "\"[" + i + "] must be a number, got " + e);
                }
                out[i] = e.asDouble();
            }
            return out;
        }
    }
}
