package uk.consumptioninsights.dataaccess.governance;

import java.util.List;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Governance as the engine enforces it: grants, masks and row filters on a purpose role's views, who read them, and
 * what is shared with whom. The provider answers from Unity Catalog; the local workspace from its own grants, masks
 * and an audit log of what the workbench itself read and exported. Methods block on IO; an answer the identity may
 * not read is {@link Restricted.Denied}, never an exception.
 */
public interface GovernanceSource {

    /** Privileges on the role's purpose views, inherited ones included. */
    Restricted<List<Grant>> grants(PurposeRole role);

    /** Column masks on the role's purpose views and the tables under them. */
    Restricted<List<ColumnMask>> columnMasks(PurposeRole role);

    Restricted<List<RowFilter>> rowFilters(PurposeRole role);

    /** The latest reads of the role's purpose views, newest first, at most {@code limit}. */
    Restricted<List<AuditEvent>> audit(PurposeRole role, int limit);

    /** Every table and view of the gold schema with its columns: what the provider holds. */
    Restricted<List<TableColumns>> goldSchema();

    /** Share names. */
    Restricted<List<String>> shares();

    Restricted<List<SharedObject>> sharedObjects(String share);

    Restricted<List<ShareGrant>> shareRecipients(String share);

    /**
     * The gold tables a relation reads, directly or through other views: what a shared view's columns come from.
     * Empty when the relation is itself a table.
     */
    Restricted<List<String>> sourceTables(String relation);

    /** Columns of a shared object as recipients receive them. */
    Restricted<TableColumns> sharedColumns(SharedObject object);
}
