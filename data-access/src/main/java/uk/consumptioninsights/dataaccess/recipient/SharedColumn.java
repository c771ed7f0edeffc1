package uk.consumptioninsights.dataaccess.recipient;

import java.util.Objects;

/**
 * One column of a shared table as the share's schema declares it.
 *
 * @param duckdbType the DuckDB type the Delta type maps to, e.g. {@code TIMESTAMPTZ}, {@code DECIMAL(12,3)}
 */
public record SharedColumn(String name, String duckdbType) {

    public SharedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duckdbType, "duckdbType");
    }
}
