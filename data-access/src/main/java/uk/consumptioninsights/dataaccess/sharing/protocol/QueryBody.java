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
        return of(options, pageToken, 0, false, null);
    }

    /**
     * @param maxFiles            files per page of the answer, or 0 to leave paging to the server
     * @param includeRefreshToken asks for a refresh token that renews this latest-snapshot answer's URLs later
     * @param refreshToken        renews the URLs of an earlier answer (the same files), or null
     */
    public static String of(QueryOptions options, String pageToken, int maxFiles, boolean includeRefreshToken,
                            String refreshToken) {
        ObjectNode body = SharingJson.MAPPER.createObjectNode();
        if (options.dateRange() != null) {
            body.put("jsonPredicateHints", dateRangeHint(options.dateRange()));
        }
        options.limitHint().ifPresent(limit -> body.put("limitHint", limit));
        options.version().ifPresent(version -> body.put("version", version));
        if (maxFiles > 0) {
            body.put("maxFiles", maxFiles);
        }
        if (pageToken != null) {
            body.put("pageToken", pageToken);
        }
        if (includeRefreshToken) {
            body.put("includeRefreshToken", true);
        }
        if (refreshToken != null) {
            body.put("refreshToken", refreshToken);
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
