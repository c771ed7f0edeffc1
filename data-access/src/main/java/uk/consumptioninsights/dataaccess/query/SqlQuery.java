package uk.consumptioninsights.dataaccess.query;

import java.util.List;
import java.util.Objects;

/**
 * One statement of the catalog, ready to run: its text has {@code ?} markers only, and every value the user chose is
 * in {@code parameters} (strings and longs), never in the text.
 *
 * @param name     the catalog entry, e.g. {@code consumption}; the same on every engine
 * @param task     what it does, for messages: "load the consumption series"
 * @param relation the view it reads, for provenance
 */
public record SqlQuery(String name, String task, String relation, String sql, List<Object> parameters) {

    public SqlQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        for (Object p : parameters) {
            if (!(p instanceof String) && !(p instanceof Long)) {
                throw new IllegalArgumentException("Parameters are strings or longs, not " + p.getClass().getSimpleName());
            }
        }
    }
}
