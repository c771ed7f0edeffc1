package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.http.DotSegment;

/**
 * Reads one page of a list response as it streams: {@code items} (missing, null or empty all mean none) and
 * {@code nextPageToken} (missing, null or empty all mean done), decoding UTF-8 strictly. Reading stops at one item more
 * than the listing may still hold, so a page of a million items is never held whole. Items without a name, or named
 * {@code .} or {@code ..} (which cannot be addressed), are skipped with a warning rather than failing the whole
 * listing; a table the server places in another share or schema than the one asked for is a protocol error.
 */
public final class ListResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ListResponses.class);

    private ListResponses() {
    }

    /** @param itemsLeft items the listing may still hold */
    public static PageCollector.Page<String> names(InputStream body, String what, int itemsLeft) throws IOException {
        return page(body, what, itemsLeft, item -> usable(SharingJson.text(item, "name").orElse(null)));
    }

    /**
     * @param share     the share asked for, used when an item omits it
     * @param schema    the schema asked for, used when an item omits it; null when listing a whole share
     * @param itemsLeft items the listing may still hold
     */
    public static PageCollector.Page<SharedTable> tables(InputStream body, String what, String share, String schema,
                                                         int itemsLeft) throws IOException {
        return page(body, what, itemsLeft, item -> {
            String name = usable(SharingJson.text(item, "name").orElse(null));
            String itemShare = SharingJson.text(item, "share").filter(n -> !n.isEmpty()).orElse(share);
            String itemSchema = SharingJson.text(item, "schema").filter(n -> !n.isEmpty()).orElse(schema);
            if (name == null || usable(itemSchema) == null || usable(itemShare) == null) {
                return null;
            }
            requireAsked(what, name, "share", itemShare, share);
            if (schema != null) {
                requireAsked(what, name, "schema", itemSchema, schema);
            }
            List<String> modes = new ArrayList<>();
            JsonNode accessModes = item.get("accessModes");
            if (accessModes != null && accessModes.isArray()) {
                accessModes.forEach(m -> modes.add(m.asText()));
            }
            return new SharedTable(itemShare, itemSchema, name, SharingJson.text(item, "id").orElse(null), modes);
        });
    }

    /** A name that can be addressed, or null. */
    private static String usable(String name) {
        return name == null || name.isBlank() || DotSegment.is(name) ? null : name;
    }

    /** Names are case-insensitive on the server, so only another name is a mismatch. */
    private static void requireAsked(String what, String table, String level, String given, String asked) {
        if (!given.toLowerCase(Locale.ROOT).equals(asked.toLowerCase(Locale.ROOT))) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " holds table "
                    + ActionParser.quote(table) + " of " + level + " " + ActionParser.quote(given) + ", not of the "
                    + level + " " + ActionParser.quote(asked) + " it was asked for, so the list cannot be trusted. "
                    + "Tell your data provider.");
        }
    }

    private static <T> PageCollector.Page<T> page(InputStream body, String what, int itemsLeft,
                                                  Function<JsonNode, T> item) throws IOException {
        List<T> items = new ArrayList<>();
        String next = null;
        try (JsonParser parser = SharingJson.MAPPER.getFactory().createParser(StrictUtf8.reader(body))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " is not a "
                        + "JSON object. Tell your data provider.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    if (!readItems(parser, what, itemsLeft, item, items)) {
                        return new PageCollector.Page<>(items, null);
                    }
                } else if (field.equals("nextPageToken") && value == JsonToken.VALUE_STRING) {
                    next = parser.getText().isEmpty() ? null : parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " is not valid "
                    + "JSON. Tell your data provider.");
        } catch (CharacterCodingException e) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " holds bytes that "
                    + "are not UTF-8 text. Tell your data provider; trying again will not help.");
        }
        return new PageCollector.Page<>(items, next);
    }

    /** Reads the items array into {@code items}; false when it stopped early because there are too many. */
    private static <T> boolean readItems(JsonParser parser, String what, int itemsLeft, Function<JsonNode, T> item,
                                         List<T> items) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server's list of " + what + " ends in the "
                        + "middle. Tell your data provider.");
            }
            T value = token == JsonToken.START_OBJECT ? item.apply(SharingJson.MAPPER.readTree(parser)) : null;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
            }
            if (value == null) {
                LOG.warn("Skipped an entry without a usable name in the list of {}", what);
                continue;
            }
            items.add(value);
            if (items.size() > itemsLeft) {
                return false;
            }
        }
        return true;
    }
}
