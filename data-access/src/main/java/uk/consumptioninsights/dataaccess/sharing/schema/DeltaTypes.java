package uk.consumptioninsights.dataaccess.sharing.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * Maps a schema type (a primitive name or a nested struct/array/map object) to the DuckDB type that reads it
 * faithfully: {@code timestamp} is an instant (TIMESTAMPTZ), {@code timestamp_ntz} a wall-clock time (TIMESTAMP),
 * decimals keep their precision and scale. Types this client does not know are marked unsupported, not guessed.
 */
public final class DeltaTypes {

    /** @param duckdbType null when unsupported; @param isVoid true for {@code void}, which is dropped */
    public record Mapping(String deltaType, String duckdbType, boolean isVoid) {
    }

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("string", "VARCHAR"),
            Map.entry("long", "BIGINT"), Map.entry("bigint", "BIGINT"),
            Map.entry("integer", "INTEGER"), Map.entry("int", "INTEGER"),
            Map.entry("short", "SMALLINT"), Map.entry("smallint", "SMALLINT"),
            Map.entry("byte", "TINYINT"), Map.entry("tinyint", "TINYINT"),
            Map.entry("float", "FLOAT"), Map.entry("double", "DOUBLE"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("binary", "BLOB"),
            Map.entry("date", "DATE"),
            Map.entry("timestamp", "TIMESTAMPTZ"),
            Map.entry("timestamp_ntz", "TIMESTAMP"));

    private DeltaTypes() {
    }

    public static Mapping map(JsonNode type) {
        if (type == null || type.isNull()) {
            return new Mapping("unknown", null, false);
        }
        if (type.isTextual()) {
            return primitive(type.asText());
        }
        String kind = SharingJson.text(type, "type").orElse("unknown").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "struct" -> struct(type.get("fields"));
            case "array" -> {
                Mapping element = map(type.get("elementType"));
                yield new Mapping("array<" + element.deltaType() + ">",
                        element.duckdbType() == null ? null : element.duckdbType() + "[]", false);
            }
            case "map" -> {
                Mapping key = map(type.get("keyType"));
                Mapping value = map(type.get("valueType"));
                boolean ok = key.duckdbType() != null && value.duckdbType() != null;
                yield new Mapping("map<" + key.deltaType() + "," + value.deltaType() + ">",
                        ok ? "MAP(" + key.duckdbType() + ", " + value.duckdbType() + ")" : null, false);
            }
            default -> new Mapping(kind, null, false);
        };
    }

    private static Mapping primitive(String name) {
        String type = name.trim().toLowerCase(Locale.ROOT);
        if (type.equals("void")) {
            return new Mapping("void", null, true);
        }
        String duck = PRIMITIVES.get(type);
        if (duck != null) {
            return new Mapping(type, duck, false);
        }
        if (type.startsWith("decimal")) {
            return DecimalType.parse(type)
                    .map(d -> new Mapping(d.deltaName(), d.duckdbType().orElse(null), false))
                    .orElse(new Mapping(type, null, false));
        }
        if (type.matches("(var)?char\\s*\\(\\s*\\d+\\s*\\)")) {
            return new Mapping(type.replace(" ", ""), "VARCHAR", false);
        }
        return new Mapping(type, null, false);
    }

    private static Mapping struct(JsonNode fields) {
        List<String> delta = new ArrayList<>();
        List<String> duck = new ArrayList<>();
        boolean supported = fields != null && fields.isArray();
        if (supported) {
            for (JsonNode field : fields) {
                String name = SharingJson.text(field, "name").orElse("");
                Mapping child = map(field.get("type"));
                if (child.isVoid()) {
                    continue;
                }
                delta.add(name + ":" + child.deltaType());
                supported &= child.duckdbType() != null && !name.isEmpty();
                duck.add(quote(name) + " " + child.duckdbType());
            }
        }
        return new Mapping("struct<" + String.join(",", delta) + ">",
                supported && !duck.isEmpty() ? "STRUCT(" + String.join(", ", duck) + ")" : null, false);
    }

    /** A DuckDB identifier in double quotes. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
