package uk.consumptioninsights.app.session;

import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.governance.ShareGrant;
import uk.consumptioninsights.dataaccess.governance.SharedObject;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * A source ready to be shown, with what the header needs already read in the background (so switching to it does
 * no IO on the UI thread), the governance the engine enforces on it, and how to let go of it once the workbench shows
 * another source.
 *
 * @param governance grants, masks, audit and shares of this source; {@link #NO_GOVERNANCE} when it has none (an
 *                   imported CSV, a share as its recipient), so the governance tabs say so instead of failing
 * @param release    closes what the source holds open (a workspace file lock, connections). It must return at once:
 *                   implementations hand the closing to a background thread. Called at most once, after every tab has
 *                   moved on to the next source.
 */
public record OpenedSource(ConsumptionSource source, SourceDescriptor descriptor, List<PurposeRole> roles,
                           GovernanceSource governance, Runnable release) {

    /** Answers every question with "this source has no governance metadata". */
    public static final GovernanceSource NO_GOVERNANCE = new NoGovernance();

    public OpenedSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(descriptor, "descriptor");
        roles = List.copyOf(roles);
        governance = governance == null ? NO_GOVERNANCE : governance;
        release = release == null ? () -> { } : release;
    }

    /** A source without governance metadata. */
    public OpenedSource(ConsumptionSource source, SourceDescriptor descriptor, List<PurposeRole> roles, Runnable release) {
        this(source, descriptor, roles, NO_GOVERNANCE, release);
    }

    /** Reads the descriptor and roles: call off the UI thread. The source carries no governance metadata. */
    public static OpenedSource of(ConsumptionSource source, Runnable release) {
        return of(source, NO_GOVERNANCE, release);
    }

    /** Reads the descriptor and roles: call off the UI thread. */
    public static OpenedSource of(ConsumptionSource source, GovernanceSource governance, Runnable release) {
        return new OpenedSource(source, source.descriptor(), source.roles(), governance, release);
    }

    /** Whether this source answers governance questions at all. */
    public boolean hasGovernance() {
        return governance != NO_GOVERNANCE;
    }

    private static final class NoGovernance implements GovernanceSource {

        private static final String MESSAGE = "This source has no governance metadata: grants, masks, audit and "
                + "shares are known only for the local workspace and a Databricks provider.";

        private static <T> Restricted<T> none(String statement) {
            return new Restricted.Denied<>(MESSAGE, statement);
        }

        @Override
        public Restricted<List<Grant>> grants(PurposeRole role) {
            return none("SHOW GRANTS (" + role.displayName() + " views)");
        }

        @Override
        public Restricted<List<ColumnMask>> columnMasks(PurposeRole role) {
            return none("column masks (" + role.displayName() + " views)");
        }

        @Override
        public Restricted<List<RowFilter>> rowFilters(PurposeRole role) {
            return none("row filters (" + role.displayName() + " views)");
        }

        @Override
        public Restricted<List<AuditEvent>> audit(PurposeRole role, int limit) {
            return none("audit log (" + role.displayName() + " views)");
        }

        @Override
        public Restricted<List<TableColumns>> goldSchema() {
            return none("gold schema");
        }

        @Override
        public Restricted<List<String>> shares() {
            return none("SHOW SHARES");
        }

        @Override
        public Restricted<List<SharedObject>> sharedObjects(String share) {
            return none("SHOW ALL IN SHARE " + share);
        }

        @Override
        public Restricted<List<ShareGrant>> shareRecipients(String share) {
            return none("SHOW GRANTS ON SHARE " + share);
        }

        @Override
        public Restricted<TableColumns> sharedColumns(SharedObject object) {
            return none("columns of " + object.name());
        }

        @Override
        public Restricted<List<String>> sourceTables(String relation) {
            return none("lineage of " + relation);
        }

        @Override
        public String toString() {
            return "NO_GOVERNANCE";
        }
    }
}
