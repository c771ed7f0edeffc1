package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.sharing.http.DotSegment;

/**
 * A table in a share, named as the server returned it (names are case-insensitive on the server; shown as given).
 * {@code id} and {@code accessModes} describe the table when it came from a listing; identity is the three-part name
 * alone, so a table typed by hand equals the one listed.
 *
 * @param id          the server's table id, or null when not known
 * @param accessModes the server's access modes; empty means not stated, which the protocol defines as URL access
 */
public record SharedTable(String share, String schema, String name, String id, List<String> accessModes) {

    public SharedTable {
        requireName(share, "share");
        requireName(schema, "schema");
        requireName(name, "table");
        accessModes = accessModes == null ? List.of() : List.copyOf(accessModes);
    }

    public SharedTable(String share, String schema, String name) {
        this(share, schema, name, null, List.of());
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A shared table needs a " + what + " name");
        }
        if (DotSegment.is(value)) {
            throw new IllegalArgumentException("A shared table's " + what + " name cannot be '" + value
                    + "': in a web address it means this folder or the one above");
        }
    }

    /** False when the provider shares this table only for direct cloud access, which this client does not do. */
    public boolean readableByUrl() {
        return accessModes.isEmpty() || accessModes.stream().anyMatch(m -> m.equalsIgnoreCase("url"));
    }

    /** {@code share.schema.table}, as the reference clients address a table. */
    public String qualifiedName() {
        return share + "." + schema + "." + name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharedTable t && share.equals(t.share) && schema.equals(t.schema)
                && name.equals(t.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(share, schema, name);
    }
}
