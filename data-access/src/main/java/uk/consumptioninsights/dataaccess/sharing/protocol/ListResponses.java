package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Reads one page of a list response: {@code items} (missing, null or empty all mean none) and {@code nextPageToken}
 * (missing, null or empty all mean done). Items without a name are skipped with a warning rather than failing the
 * whole listing.
 */
public final class ListResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ListResponses.class);

    private ListResponses() {
    }

    public static PageCollector.Page<String> names(InputStream body, String what) throws IOException {
        return page(body, what, item -> SharingJson.text(item, "name").filter(n -> !n.isEmpty()).orElse(null));
    }

    /** @param share the share and schema asked for, used when an item omits them */
    public static PageCollector.Page<SharedTable> tables(InputStream body, String what, String share, String schema)
            throws IOException {
        return page(body, what, item -> {
            String name = SharingJson.text(item, "name").filter(n -> !n.isEmpty()).orElse(null);
            String itemSchema = SharingJson.text(item, "schema").filter(n -> !n.isEmpty()).orElse(schema);
            if (name == null || itemSchema == null) {
                return null;
            }
            List<String> modes = new ArrayList<>();
            JsonNode accessModes = item.get("accessModes");
            if (accessModes != null && accessModes.isArray()) {
                accessModes.forEach(m -> modes.add(m.asText()));
            }
            return new SharedTable(SharingJson.text(item, "share").filter(n -> !n.isEmpty()).orElse(share),
                    itemSchema, name, SharingJson.text(item, "id").orElse(null), modes);
        });
    }

    private static <T> PageCollector.Page<T> page(InputStream body, String what, Function<JsonNode, T> item)
            throws IOException {
        JsonNode root;
        try {
            root = SharingJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " is not valid "
                    + "JSON. Tell your data provider.");
        }
        if (root == null || !root.isObject()) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " is not a JSON "
                    + "object. Tell your data provider.");
        }
        List<T> items = new ArrayList<>();
        JsonNode array = root.get("items");
        if (array != null && array.isArray()) {
            for (JsonNode node : array) {
                T value = node.isObject() ? item.apply(node) : null;
                if (value == null) {
                    LOG.warn("Skipped an entry without a name in the list of {}", what);
                } else {
                    items.add(value);
                }
            }
        }
        String next = SharingJson.text(root, "nextPageToken").filter(t -> !t.isEmpty()).orElse(null);
        return new PageCollector.Page<>(items, next);
    }
}
