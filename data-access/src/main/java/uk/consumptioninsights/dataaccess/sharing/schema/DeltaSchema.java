package uk.consumptioninsights.dataaccess.sharing.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * Reads a table's {@code schemaString} (Spark-style JSON) into its top-level columns in schema order. {@code void}
 * columns are dropped (Delta protocol); unknown types stay as unsupported columns so the rest remains readable.
 */
public final class DeltaSchema {

    private DeltaSchema() {
    }

    public static List<DeltaColumn> columns(String schemaString) {
        JsonNode root;
        try {
            root = SharingJson.MAPPER.readTree(schemaString);
        } catch (IOException e) {
            throw unreadable("it is not valid JSON");
        }
        if (root == null || !"struct".equals(SharingJson.text(root, "type").orElse(null))
                || !root.path("fields").isArray()) {
            throw unreadable("it is not a struct with fields");
        }
        List<DeltaColumn> columns = new ArrayList<>();
        for (JsonNode field : root.get("fields")) {
            String name = SharingJson.text(field, "name").filter(n -> !n.isEmpty())
                    .orElseThrow(() -> unreadable("a column has no name"));
            DeltaTypes.Mapping type = DeltaTypes.map(field.get("type"));
            if (type.isVoid()) {
                continue;
            }
            boolean nullable = !field.has("nullable") || field.get("nullable").asBoolean(true);
            String comment = SharingJson.text(field.get("metadata"), "comment").orElse(null);
            columns.add(new DeltaColumn(name, type.deltaType(), nullable, type.duckdbType(), comment));
        }
        return columns;
    }

    private static SharingException unreadable(String why) {
        return SharingException.of(Category.PROTOCOL, "The table's schema sent by the sharing server cannot be read ("
                + why + "). Tell your data provider.");
    }
}
