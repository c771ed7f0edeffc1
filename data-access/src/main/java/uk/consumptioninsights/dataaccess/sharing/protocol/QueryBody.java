package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions.PartitionDateRange;

/**
 * The JSON body of a query request. {@code jsonPredicateHints} is a string holding JSON (not a nested object), as the
 * protocol defines; with no hints the body is {@code {}}.
 */
public final class QueryBody {

    private QueryBody() {
    }

    /** @param pageToken the query's next page, or null for the first */
    public static String of(QueryOptions options, String pageToken) {
        ObjectNode body = SharingJson.MAPPER.createObjectNode();
        if (options.dateRange() != null) {
            body.put("jsonPredicateHints", dateRangeHint(options.dateRange()));
        }
        options.limitHint().ifPresent(limit -> body.put("limitHint", limit));
        options.version().ifPresent(version -> body.put("version", version));
        if (pageToken != null) {
            body.put("pageToken", pageToken);
        }
        return body.toString();
    }

    /** {@code column >= from AND column <= to}, both as {@code date} values. */
    public static String dateRangeHint(PartitionDateRange range) {
        ObjectNode and = SharingJson.MAPPER.createObjectNode().put("op", "and");
        ArrayNode children = and.putArray("children");
        children.add(comparison("greaterThanOrEqual", range.column(), range.from().toString()));
        children.add(comparison("lessThanOrEqual", range.column(), range.to().toString()));
        return and.toString();
    }

    private static ObjectNode comparison(String op, String column, String date) {
        ObjectNode node = SharingJson.MAPPER.createObjectNode().put("op", op);
        ArrayNode children = node.putArray("children");
        children.addObject().put("op", "column").put("name", column).put("valueType", "date");
        children.addObject().put("op", "literal").put("value", date).put("valueType", "date");
        return node;
    }
}
