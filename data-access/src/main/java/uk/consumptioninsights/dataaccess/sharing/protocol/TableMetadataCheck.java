package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.schema.DeltaSchema;

/**
 * Decides whether this client can read a table from its protocol and metaData actions: reader version 1, Parquet
 * files, URL access, a readable schema whose partition columns exist.
 */
public final class TableMetadataCheck {

    /** The highest minReaderVersion of the parquet response format this client reads. */
    public static final int SUPPORTED_READER_VERSION = 1;

    private TableMetadataCheck() {
    }

    public static TableMetadata check(SharedTable table, Action.Protocol protocol, Action.Metadata metadata,
                                      long version) {
        String name = "The table " + table.qualifiedName();
        if (protocol.deltaFormat() || metadata.deltaFormat()) {
            throw SharingException.of(Category.UNSUPPORTED, "The sharing server sent " + table.qualifiedName()
                    + " in the Delta response format, which the workbench does not read. Tell your data provider.");
        }
        if (protocol.minReaderVersion() > SUPPORTED_READER_VERSION) {
            throw SharingException.of(Category.UNSUPPORTED, name + " needs a newer Delta Sharing reader (version "
                    + protocol.minReaderVersion() + ") than this workbench has (" + SUPPORTED_READER_VERSION
                    + "). Update the workbench.");
        }
        if (!metadata.provider().toLowerCase(Locale.ROOT).equals("parquet")) {
            throw SharingException.of(Category.UNSUPPORTED, name + " is stored as '" + metadata.provider()
                    + "', not Parquet; the workbench reads only Parquet tables. Ask your data provider.");
        }
        if (!metadata.accessModes().isEmpty()
                && metadata.accessModes().stream().noneMatch(m -> m.equalsIgnoreCase("url"))) {
            throw SharingException.of(Category.UNSUPPORTED, name + " is shared for direct cloud access only ("
                    + String.join(", ", metadata.accessModes()) + "); the workbench reads tables through download "
                    + "links. Ask your data provider to share it with URL access.");
        }
        List<DeltaColumn> columns = DeltaSchema.columns(metadata.schemaString());
        for (String partition : metadata.partitionColumns()) {
            if (columns.stream().noneMatch(c -> c.matches(partition))) {
                throw SharingException.of(Category.PROTOCOL, name + " is partitioned by '" + partition
                        + "', which is not in its schema. Tell your data provider.");
            }
        }
        return new TableMetadata(metadata.id(), version, columns, metadata.partitionColumns(), metadata.size(),
                metadata.numFiles(), metadata.name(), metadata.configuration());
    }

    /** Refuses a listed table whose access modes exclude URL access, before any query is sent. */
    public static void requireUrlAccess(SharedTable table) {
        if (!table.readableByUrl()) {
            throw SharingException.of(Category.UNSUPPORTED, "The table " + table.qualifiedName() + " is shared for "
                    + "direct cloud access only (" + String.join(", ", table.accessModes()) + "); the workbench "
                    + "reads tables through download links. Ask your data provider to share it with URL access.");
        }
    }
}
