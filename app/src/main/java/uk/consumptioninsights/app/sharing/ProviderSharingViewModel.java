package uk.consumptioninsights.app.sharing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.common.GovernanceAnswer;
import uk.consumptioninsights.model.access.MeterIdentityRedaction;
import uk.consumptioninsights.app.common.RestrictedRows;
import uk.consumptioninsights.app.common.RestrictedSection;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.ShareGrant;
import uk.consumptioninsights.dataaccess.governance.SharedObject;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Data Sharing as the provider sees it: the whole gold schema beside what each share and its recipients actually
 * receive. Pick a share to list its objects and recipients; pick an object to compare its columns with the provider's
 * table it comes from: shared, not shared, or only in the share. Every answer the identity may not read shows as an
 * inline notice in its own section. Reloads per query (role or source change, F5); picking runs its own small load,
 * and an answer for an earlier pick is dropped.
 */
public final class ProviderSharingViewModel extends FeatureViewModel {

    /** Gold schema and share names, read together off the UI thread. */
    private record Catalogue(GovernanceAnswer<List<TableColumns>> gold, GovernanceAnswer<List<String>> shares) {
    }

    private record ShareContents(GovernanceAnswer<List<SharedObject>> objects,
                                 GovernanceAnswer<List<ShareGrant>> recipients) {
    }

    private final GovernanceSource governance;
    private final LatestLoad shareLoad;
    private final LatestLoad objectLoad;
    private final BooleanBinding picking;
    private final RestrictedSection<TableColumns> goldSchema =
            new RestrictedSection<>(n -> plural(n, "table or view", "tables and views"));
    private final RestrictedSection<String> shares = new RestrictedSection<>(n -> plural(n, "share", "shares"));
    private final RestrictedSection<SharedObjectItem> objects = new RestrictedSection<>(n -> plural(n, "object", "objects"));
    private final RestrictedSection<ShareRecipientItem> recipients =
            new RestrictedSection<>(n -> plural(n, "recipient", "recipients"));
    private final RestrictedSection<ColumnComparisonItem> comparison =
            new RestrictedSection<>(n -> plural(n, "column", "columns"));
    private final ReadOnlyObjectWrapper<String> selectedShare = new ReadOnlyObjectWrapper<>(this, "selectedShare");
    private final ReadOnlyObjectWrapper<SharedObjectItem> selectedObject = new ReadOnlyObjectWrapper<>(this, "selectedObject");
    private final ReadOnlyStringWrapper comparisonNote = new ReadOnlyStringWrapper(this, "comparisonNote", "");
    /** The provider's tables from the last answer; null when the gold schema could not be read. */
    private List<TableColumns> providerTables;
    /** What the user picked last, kept across reloads so F5 or a role change comes back to it. */
    private String wantedShare;
    private String wantedObject;

    /** For the app: governance follows the shown source. */
    public ProviderSharingViewModel(ActiveSource source, TaskRunner runner, WorkbenchSession session) {
        this(source, source.governance(), runner, session);
    }

    /** @param source only its lifecycle matters here; every answer comes from {@code governance} */
    public ProviderSharingViewModel(ConsumptionSource source,
                                    GovernanceSource governance, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
        this.governance = Objects.requireNonNull(governance, "governance");
        this.shareLoad = new LatestLoad(runner, true);
        this.objectLoad = new LatestLoad(runner, true);
        this.picking = shareLoad.loadingProperty().or(objectLoad.loadingProperty());
        startListening();
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        shareLoad.cancel();
        objectLoad.cancel();
        goldSchema.clear();
        shares.clear();
        clearShare();
        selectedShare.set(null);
        providerTables = null;
    }

    @Override
    protected void reload(ViewQuery query) {
        PurposeRole role = query.role();
        shareLoad.cancel();
        objectLoad.cancel();
        load("Reading the gold schema and shares", "read the gold schema and shares", progress -> {
            progress.report(0, "Reading the gold schema");
            GovernanceAnswer<List<TableColumns>> gold = GovernanceAnswer.ask("read the gold schema", governance::goldSchema);
            progress.checkCancelled();
            progress.report(0.5, "Listing shares");
            GovernanceAnswer<List<String>> names = GovernanceAnswer.ask("list the shares", governance::shares);
            progress.checkCancelled();
            return new Catalogue(gold, names);
        }, catalogue -> show(role, catalogue));
    }

    private void show(PurposeRole role, Catalogue catalogue) {
        providerTables = catalogue.gold().valueOrNull();
        goldSchema.show(catalogue.gold(), (TableColumns t) -> t);
        shares.show(catalogue.shares(), (String name) -> name);
        List<String> names = shares.rows();
        String share = names.contains(wantedShare) ? wantedShare : names.isEmpty() ? null : names.get(0);
        open(share, role);
    }

    /** Lists the share's objects and recipients in the background; null forgets the pick. */
    public void selectShare(String share) {
        if (Objects.equals(share, selectedShare.get())) {
            return;
        }
        wantedShare = share;
        wantedObject = null;
        open(share, shownRole());
    }

    private void open(String share, PurposeRole role) {
        shareLoad.cancel();
        objectLoad.cancel();
        clearShare();
        selectedShare.set(share);
        if (share == null) {
            return;
        }
        shareLoad.start("Reading the share " + share, progress -> {
            GovernanceAnswer<List<SharedObject>> listed =
                    GovernanceAnswer.ask("list the objects of " + share, () -> governance.sharedObjects(share));
            progress.checkCancelled();
            GovernanceAnswer<List<ShareGrant>> granted =
                    GovernanceAnswer.ask("list the recipients of " + share, () -> governance.shareRecipients(share));
            progress.checkCancelled();
            return new ShareContents(listed, granted);
        }, contents -> showShare(role, contents), error -> objects.fail(describe(error, share), ""));
    }

    private void showShare(PurposeRole role, ShareContents contents) {
        objects.show(contents.objects(), (SharedObject o) -> new SharedObjectItem(o, redact(role, o.name()),
                text(o.type()), redact(role, o.sharedFrom()), redact(role, o.partitions())));
        recipients.show(contents.recipients(), (ShareGrant g) -> new ShareRecipientItem(redact(role, g.recipient()),
                text(g.privilege())));
        List<SharedObjectItem> listed = objects.rows();
        Optional<SharedObjectItem> again = listed.stream().filter(o -> o.name().equals(wantedObject)).findFirst();
        compare(again.orElse(listed.isEmpty() ? null : listed.get(0)), role);
    }

    /** Compares the object's columns with its provider table, in the background; null forgets the pick. */
    public void selectObject(SharedObjectItem object) {
        if (Objects.equals(object, selectedObject.get())) {
            return;
        }
        wantedObject = object == null ? null : object.name();
        compare(object, shownRole());
    }

    private void compare(SharedObjectItem object, PurposeRole role) {
        objectLoad.cancel();
        comparison.clear();
        comparisonNote.set("");
        selectedObject.set(object);
        if (object == null) {
            return;
        }
        List<TableColumns> gold = providerTables;
        objectLoad.start("Reading the columns of " + object.name(),
                progress -> new ObjectColumns(GovernanceAnswer.ask("read the columns of " + object.name(),
                        () -> governance.sharedColumns(object.object())),
                        GovernanceAnswer.ask("read what " + object.name() + " is built from",
                                () -> governance.sourceTables(object.object().sharedFrom()))),
                asked -> showComparison(object, gold, asked.shared(), asked.sources(), role),
                error -> comparison.fail(describe(error, object.name()), ""));
    }

    /** A shared object's columns, and the gold tables they come from (when lineage is readable). */
    private record ObjectColumns(GovernanceAnswer<TableColumns> shared, GovernanceAnswer<List<String>> sources) {
    }

    private void showComparison(SharedObjectItem object, List<TableColumns> gold, GovernanceAnswer<TableColumns> asked,
                                GovernanceAnswer<List<String>> sources, PurposeRole role) {
        if (asked.answer() == null) {
            comparison.fail(asked.failure(), "");
            return;
        }
        if (asked.answer() instanceof Restricted.Denied<TableColumns> refused) {
            comparison.deny(refused.message(), refused.statement());
            return;
        }
        TableColumns shared = asked.valueOrNull();
        String statement = asked.answer().statement();
        // A shared view is compared with the gold tables under it (what the provider holds); without readable
        // lineage, with the shared object's own provider-side definition.
        Optional<TableColumns> provider = gold == null ? Optional.empty()
                : ColumnComparison.underlying(gold, sources.valueOrNull())
                        .or(() -> ColumnComparison.providerTable(gold, object.object().sharedFrom()));
        if (provider.isPresent()) {
            List<ColumnComparisonItem> items = ColumnComparison.compare(provider.get(), shared);
            comparison.showRows(items, statement);
            comparisonNote.set(counts(items) + " against " + redact(role, provider.get().table()) + ".");
        } else {
            comparison.showRows(ColumnComparison.sharedOnly(shared), statement);
            comparisonNote.set(gold == null
                    ? "The provider's gold schema is not readable, so columns left out of the share cannot be listed."
                    : object.sharedFrom() + " is not in the gold schema, so columns left out of the share cannot be listed.");
        }
    }

    private static String counts(List<ColumnComparisonItem> items) {
        long carried = items.stream().filter(i -> i.sharing() == ColumnSharing.SHARED).count();
        long left = items.stream().filter(i -> i.sharing() == ColumnSharing.NOT_SHARED).count();
        long added = items.stream().filter(i -> i.sharing() == ColumnSharing.SHARED_ONLY).count();
        return Formats.count(carried) + " shared, " + Formats.count(left) + " not shared, " + Formats.count(added)
                + " only in the share";
    }

    private void clearShare() {
        objects.clear();
        recipients.clear();
        comparison.clear();
        comparisonNote.set("");
        selectedObject.set(null);
    }

    private PurposeRole shownRole() {
        return session.query() != null ? session.query().role() : session.role();
    }

    private static String describe(Throwable error, String what) {
        return UserMessages.describe(error, "read " + what);
    }

    private static String redact(PurposeRole role, String text) {
        return MeterIdentityRedaction.forRole(role, text);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String plural(int n, String one, String many) {
        return Formats.count(n) + " " + (n == 1 ? one : many);
    }

    /** Every table and view of the provider's gold schema, with its columns. */
    public RestrictedRows<TableColumns> goldSchema() {
        return goldSchema;
    }

    public RestrictedRows<String> shares() {
        return shares;
    }

    /** Objects of the selected share. */
    public RestrictedRows<SharedObjectItem> objects() {
        return objects;
    }

    /** Recipients of the selected share. */
    public RestrictedRows<ShareRecipientItem> recipients() {
        return recipients;
    }

    /** Columns of the selected object beside its provider table. */
    public RestrictedRows<ColumnComparisonItem> comparison() {
        return comparison;
    }

    public ReadOnlyObjectProperty<String> selectedShareProperty() {
        return selectedShare.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SharedObjectItem> selectedObjectProperty() {
        return selectedObject.getReadOnlyProperty();
    }

    /** "12 shared, 3 not shared, 1 only in the share against main.gold.x.", or why the provider side is unknown. */
    public ReadOnlyStringProperty comparisonNoteProperty() {
        return comparisonNote.getReadOnlyProperty();
    }

    /** True while the selected share or object is being read. */
    public BooleanExpression pickingProperty() {
        return picking;
    }
}
