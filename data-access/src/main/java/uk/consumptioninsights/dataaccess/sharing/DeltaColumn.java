package uk.consumptioninsights.dataaccess.sharing;

/**
 * One top-level column of a shared table's schema.
 *
 * @param deltaType  the schema's type, normalised ({@code timestamp}, {@code decimal(12,3)}, {@code array<string>})
 * @param duckdbType the DuckDB type to read it as, or null when this client cannot read the type
 * @param comment    the column comment from the schema's metadata, or null
 */
public record DeltaColumn(String name, String deltaType, boolean nullable, String duckdbType, String comment) {

    public DeltaColumn(String name, String deltaType, boolean nullable, String duckdbType) {
        this(name, deltaType, nullable, duckdbType, null);
    }

    /** False for types the client does not know (e.g. variant); the rest of the table stays readable. */
    public boolean supported() {
        return duckdbType != null;
    }

    /** Parquet files may spell column names in another case than the schema (delta-sharing PR #384). */
    public boolean matches(String fileColumnName) {
        return name.equalsIgnoreCase(fileColumnName);
    }
}
