package uk.consumptioninsights.dataaccess.governance;

/**
 * A table or view in a share, as {@code SHOW ALL IN SHARE} lists it.
 *
 * @param name       the name recipients see (schema.table)
 * @param sharedFrom the provider's full name of the object
 * @param partitions the partition specification limiting what is shared, or empty
 */
public record SharedObject(String share, String name, String type, String sharedFrom, String partitions) {
}
