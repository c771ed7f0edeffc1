package uk.consumptioninsights.app.sharing;

import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;

/**
 * One table a profile reaches, as the browser lists it.
 *
 * @param kind    what the workbench can read it as; null when it can read it as nothing
 * @param details version, files, size and columns in words
 * @param problem why the workbench cannot use it (missing columns, unsupported features); empty when it can
 */
public record ShareTableItem(String share, String schema, String table, SharedTableKind kind, String details,
                             String problem) {

    /** {@code share.schema.table}, as the protocol names it. */
    public String qualifiedName() {
        return share + "." + schema + "." + table;
    }

    public boolean usable() {
        return kind != null && problem.isEmpty();
    }

    /** "Half-hourly consumption", "Anomalies" or "Not readable". */
    public String kindLabel() {
        return usable() ? kind.displayName() : "Not readable";
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
