package uk.consumptioninsights.dataaccess.sharing.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * The record that one table version (one subset of it) is completely on disk: written last, atomically, after every
 * file arrived with its announced size. Holds what is needed to open the table offline, and never a URL or a token.
 *
 * @param endpoint  the sharing server's base URL, so tables of different providers never mix
 * @param fileNames file id → file name in the table's cache folder
 */
public record CacheManifest(String endpoint, TableSnapshot snapshot, Map<String, String> fileNames,
                            Instant completedAt) {

    static final int FORMAT = 1;

    public String toJson() {
        TableSnapshot s = snapshot;
        ObjectNode root = SharingJson.MAPPER.createObjectNode();
        root.put("manifestFormat", FORMAT);
        root.put("endpoint", endpoint);
        root.put("share", s.table().share()).put("schema", s.table().schema()).put("table", s.table().name());
        root.put("subset", s.options().subsetKey());
        ObjectNode options = root.putObject("options");
        if (s.options().dateRange() != null) {
            options.put("dateColumn", s.options().dateRange().column())
                    .put("from", s.options().dateRange().from().toString())
                    .put("to", s.options().dateRange().to().toString());
        }
        s.options().limitHint().ifPresent(limit -> options.put("limitHint", limit));
        s.options().version().ifPresent(version -> options.put("version", version));
        root.put("tableVersion", s.version());
        root.put("completedAt", completedAt.toString());
        root.set("metadata", metadataJson(s.metadata()));
        ArrayNode files = root.putArray("files");
        for (SharedFile file : s.files()) {
            ObjectNode f = files.addObject().put("id", file.id()).put("fileName", fileNames.get(file.id()))
                    .put("size", file.size());
            file.numRecords().ifPresent(n -> f.put("numRecords", n));
            ObjectNode values = f.putObject("partitionValues");
            file.partitionValues().forEach(values::put);
        }
        return root.toPrettyString();
    }

    private static ObjectNode metadataJson(TableMetadata m) {
        ObjectNode node = SharingJson.MAPPER.createObjectNode().put("id", m.tableId()).put("version", m.version());
        if (m.name() != null) {
            node.put("name", m.name());
        }
        m.size().ifPresent(v -> node.put("size", v));
        m.numFiles().ifPresent(v -> node.put("numFiles", v));
        ArrayNode partitions = node.putArray("partitionColumns");
        m.partitionColumns().forEach(partitions::add);
        ObjectNode configuration = node.putObject("configuration");
        m.configuration().forEach(configuration::put);
        ArrayNode columns = node.putArray("columns");
        for (DeltaColumn c : m.columns()) {
            columns.addObject().put("name", c.name()).put("deltaType", c.deltaType()).put("nullable", c.nullable())
                    .put("duckdbType", c.duckdbType()).put("comment", c.comment());
        }
        return node;
    }

    /** @throws IllegalArgumentException when the text is not a manifest this version wrote */
    public static CacheManifest fromJson(String json) {
        try {
            JsonNode root = SharingJson.MAPPER.readTree(json);
            if (root == null || root.path("manifestFormat").asInt() != FORMAT) {
                throw new IllegalArgumentException("not a manifest of format " + FORMAT);
            }
            SharedTable table = new SharedTable(root.get("share").asText(), root.get("schema").asText(),
                    root.get("table").asText());
            TableMetadata metadata = metadataFrom(root.get("metadata"));
            Map<String, String> names = new LinkedHashMap<>();
            List<SharedFile> files = new ArrayList<>();
            for (JsonNode f : root.get("files")) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = f.get("partitionValues").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), e.getValue().asText());
                }
                String id = f.get("id").asText();
                names.put(id, f.get("fileName").asText());
                // A cached file has no download URL: it is opened from disk.
                files.add(new SharedFile(id, "", values, f.get("size").asLong(),
                        SharingJson.whole(f, "numRecords"), OptionalLong.empty()));
            }
            TableSnapshot snapshot = new TableSnapshot(table, metadata, root.get("tableVersion").asLong(), files,
                    optionsFrom(root.get("options")));
            return new CacheManifest(root.get("endpoint").asText(), snapshot, names,
                    Instant.parse(root.get("completedAt").asText()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable cache manifest", e);
        }
    }

    private static TableMetadata metadataFrom(JsonNode node) {
        List<DeltaColumn> columns = new ArrayList<>();
        for (JsonNode c : node.get("columns")) {
            columns.add(new DeltaColumn(c.get("name").asText(), c.get("deltaType").asText(),
                    c.get("nullable").asBoolean(), SharingJson.text(c, "duckdbType").orElse(null),
                    SharingJson.text(c, "comment").orElse(null)));
        }
        List<String> partitions = new ArrayList<>();
        node.get("partitionColumns").forEach(p -> partitions.add(p.asText()));
        // Manifests written before the configuration was kept have none: an empty map, as for a server sending none.
        Map<String, String> configuration = new LinkedHashMap<>();
        node.path("configuration").fields().forEachRemaining(e -> configuration.put(e.getKey(), e.getValue().asText()));
        return new TableMetadata(node.get("id").asText(), node.get("version").asLong(), columns, partitions,
                SharingJson.whole(node, "size"), SharingJson.whole(node, "numFiles"),
                SharingJson.text(node, "name").orElse(null), configuration);
    }

    private static QueryOptions optionsFrom(JsonNode node) {
        QueryOptions options = QueryOptions.latest();
        if (node.has("dateColumn")) {
            options = options.withDateRange(node.get("dateColumn").asText(), LocalDate.parse(node.get("from").asText()),
                    LocalDate.parse(node.get("to").asText()));
        }
        if (node.has("limitHint")) {
            options = options.withLimitHint(node.get("limitHint").asLong());
        }
        if (node.has("version")) {
            options = options.atVersion(node.get("version").asLong());
        }
        return options;
    }
}
