package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Reads one NDJSON line into an {@link Action}: a wrapper object with exactly one key. Required fields are checked and
 * reported with the line number; unknown fields are ignored as the protocol asks.
 */
public final class ActionParser {

    private static final List<String> UNEXPECTED = List.of("queryStatus");

    private ActionParser() {
    }

    public static Action parse(NdjsonReader.Line line) {
        JsonNode json = line.json();
        if (json.size() != 1) {
            throw malformed(line.number(), "holds " + json.size() + " actions instead of one");
        }
        String key = json.fieldNames().next();
        JsonNode body = json.get(key);
        if (!body.isObject()) {
            throw malformed(line.number(), "has a '" + key + "' that is not an object");
        }
        return switch (key) {
            case "protocol" -> protocol(line.number(), body);
            case "metaData" -> metadata(line.number(), body);
            case "file" -> new Action.File(line.number(), file(line.number(), body, "file"));
            case "add" -> change(line.number(), body, key, ChangeAction.ADD);
            case "cdf" -> change(line.number(), body, key, ChangeAction.CDF);
            case "remove" -> change(line.number(), body, key, ChangeAction.REMOVE);
            case "endStreamAction" -> endStream(line.number(), body);
            default -> {
                if (UNEXPECTED.contains(key)) {
                    yield new Action.Unexpected(line.number(), key);
                }
                throw malformed(line.number(), "holds an unknown action '" + shorten(key) + "'");
            }
        };
    }

    private static Action.Protocol protocol(int line, JsonNode body) {
        if (body.has("deltaProtocol")) {
            return new Action.Protocol(line, (int) SharingJson.whole(body.get("deltaProtocol"), "minReaderVersion")
                    .orElse(1), true);
        }
        long version = SharingJson.whole(body, "minReaderVersion")
                .orElseThrow(() -> malformed(line, "has a protocol without minReaderVersion"));
        return new Action.Protocol(line, (int) Math.min(Integer.MAX_VALUE, version), false);
    }

    private static Action.Metadata metadata(int line, JsonNode body) {
        if (body.has("deltaMetadata")) {
            return new Action.Metadata(line, SharingJson.text(body.get("deltaMetadata"), "id").orElse(""), null,
                    "delta", null, List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(), Map.of(), true);
        }
        String id = required(line, body, "id", "metaData");
        String schema = required(line, body, "schemaString", "metaData");
        JsonNode format = body.get("format");
        String provider = SharingJson.text(format, "provider")
                .orElseThrow(() -> malformed(line, "has a metaData without format.provider"));
        return new Action.Metadata(line, id, SharingJson.text(body, "name").orElse(null), provider, schema,
                strings(line, body.get("partitionColumns"), "partitionColumns"),
                strings(line, body.get("accessModes"), "accessModes"),
                SharingJson.whole(body, "size"), SharingJson.whole(body, "numFiles"),
                configuration(line, body.get("configuration")), false);
    }

    private static SharedFile file(int line, JsonNode body, String key) {
        if (body.has("deltaSingleAction")) {
            throw SharingException.of(Category.UNSUPPORTED, "The sharing server sent the table in the Delta format "
                    + "(line " + line + "), which the workbench does not read. Tell your data provider.");
        }
        String noun = noun(key);
        String id = SharingJson.text(body, "id").filter(v -> !v.isEmpty())
                .orElseThrow(() -> malformed(line, "has " + noun + " without id"));
        String url = SharingJson.text(body, "url").filter(v -> !v.isEmpty())
                .orElseThrow(() -> malformed(line, "has " + noun + " without url"));
        long size = SharingJson.whole(body, "size")
                .orElseThrow(() -> malformed(line, "has " + noun + " without a size"));
        if (size < 0) {
            throw malformed(line, "has " + noun + " with a negative size");
        }
        return new SharedFile(id, url, partitionValues(line, body.get("partitionValues")), size,
                numRecords(body), SharingJson.whole(body, "expirationTimestamp"));
    }

    /** A data change file: a file plus the commit it belongs to, both required by the protocol. */
    private static Action.Change change(int line, JsonNode body, String key, ChangeAction kind) {
        SharedFile file = file(line, body, key);
        long version = SharingJson.whole(body, "version")
                .orElseThrow(() -> malformed(line, "has " + noun(key) + " without its commit version"));
        long timestamp = SharingJson.whole(body, "timestamp")
                .orElseThrow(() -> malformed(line, "has " + noun(key) + " without its commit timestamp"));
        if (version < 0) {
            throw malformed(line, "has " + noun(key) + " with a negative version");
        }
        return new Action.Change(line, key, new ChangeFile(file, kind, version, timestamp));
    }

    /** "a file" for snapshot files (as messages always said), "an 'add' action" and the like for change files. */
    private static String noun(String key) {
        return key.equals("file") ? "a file" : (key.equals("add") ? "an '" : "a '") + key + "' action";
    }

    private static Action.EndStream endStream(int line, JsonNode body) {
        return new Action.EndStream(line, SharingJson.text(body, "refreshToken").orElse(null),
                SharingJson.text(body, "nextPageToken").filter(t -> !t.isEmpty()).orElse(null),
                SharingJson.whole(body, "minUrlExpirationTimestamp"),
                SharingJson.text(body, "errorMessage").filter(m -> !m.isBlank()).orElse(null));
    }

    /** Partition values are strings; a JSON null or an empty string both mean SQL NULL (kept as ""). */
    private static Map<String, String> partitionValues(int line, JsonNode node) {
        if (node == null || node.isNull()) {
            throw malformed(line, "has a file without partitionValues");
        }
        if (!node.isObject()) {
            throw malformed(line, "has partitionValues that are not an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            values.put(entry.getKey(), value == null || value.isNull() ? "" : value.asText());
        }
        return values;
    }

    /** The table's properties: a map of strings, optional; a value that is not text is kept as its JSON. */
    private static Map<String, String> configuration(int line, JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw malformed(line, "has a metaData configuration that is not an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value != null && !value.isNull()) {
                values.put(entry.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        }
        return values;
    }

    /** Stats are a JSON document inside a string; unreadable stats only cost the row count, not the table. */
    private static OptionalLong numRecords(JsonNode body) {
        String stats = SharingJson.text(body, "stats").orElse(null);
        if (stats == null) {
            return OptionalLong.empty();
        }
        try {
            return SharingJson.whole(SharingJson.MAPPER.readTree(stats), "numRecords");
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }

    private static List<String> strings(int line, JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw malformed(line, "has a " + field + " that is not a list");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String required(int line, JsonNode body, String field, String action) {
        return SharingJson.text(body, field).filter(v -> !v.isEmpty())
                .orElseThrow(() -> malformed(line, "has a " + action + " without " + field));
    }

    static SharingException malformed(int line, String problem) {
        return SharingException.of(Category.PROTOCOL, "Line " + line + " of the sharing server's answer " + problem
                + ", so the table cannot be read. Tell your data provider; trying again will not help.");
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** A server's text quoted in a message: on one line, control characters shown as '?', at most 60 characters. */
    static String quote(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return "'" + (flat.length() <= 60 ? flat : flat.substring(0, 57) + "...") + "'";
    }
}
