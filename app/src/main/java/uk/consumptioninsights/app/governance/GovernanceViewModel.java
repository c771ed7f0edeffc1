package uk.consumptioninsights.app.governance;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.GovernanceAnswer;
import uk.consumptioninsights.model.access.MeterIdentityRedaction;
import uk.consumptioninsights.app.common.RestrictedRows;
import uk.consumptioninsights.app.common.RestrictedSection;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Explains the purpose roles: what each may see, which relations it read, the meters as the current role sees them,
 * and governance as the engine enforces it on the role's views: grants, column masks, row filters and the audit log.
 * Each governance section shows its rows or, when the identity may not read them, an inline notice; one background
 * load per query fetches all of it. Choosing a role here changes it for every tab.
 */
public final class GovernanceViewModel extends FeatureViewModel {

    /** Audit events shown per role: enough to see recent reads without paging. */
    public static final int AUDIT_LIMIT = 200;

    /** London wall clock for people; the events themselves stay in UTC. */
    private static final DateTimeFormatter AUDIT_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Formats.LOCALE).withZone(SettlementCalendar.LONDON);

    /** Everything one load brings back, read off the UI thread. */
    private record Snapshot(List<MeterChoice> meters, long meterCount, GovernanceAnswer<List<Grant>> grants,
                            GovernanceAnswer<List<ColumnMask>> masks, GovernanceAnswer<List<RowFilter>> filters,
                            GovernanceAnswer<List<AuditEvent>> audit) {
    }

    private final GovernanceSource governance;
    private final RestrictedSection<GrantItem> grants = new RestrictedSection<>(n -> plural(n, "grant", "grants"));
    private final RestrictedSection<ColumnMaskItem> columnMasks =
            new RestrictedSection<>(n -> plural(n, "column mask", "column masks"));
    private final RestrictedSection<RowFilterItem> rowFilters =
            new RestrictedSection<>(n -> plural(n, "row filter", "row filters"));
    private final RestrictedSection<AuditItem> audit = new RestrictedSection<>(n -> n == 0 ? "No events"
            : (n >= AUDIT_LIMIT ? "Latest " : "") + plural(n, "event", "events") + ", newest first");

    private final ObservableList<RoleItem> roles = FXCollections.observableArrayList();
    private final ObservableList<RoleItem> readOnlyRoles = FXCollections.unmodifiableObservableList(roles);
    private final ObservableList<MeterItem> meters = FXCollections.observableArrayList();
    private final ObservableList<MeterItem> readOnlyMeters = FXCollections.unmodifiableObservableList(meters);
    private final ReadOnlyObjectWrapper<PurposeRole> currentRole = new ReadOnlyObjectWrapper<>(this, "currentRole");
    private final ReadOnlyStringWrapper currentReads = new ReadOnlyStringWrapper(this, "currentReads", "");
    private final ReadOnlyLongWrapper meterCount = new ReadOnlyLongWrapper(this, "meterCount", -1);
    private final ReadOnlyStringWrapper meterCountText = new ReadOnlyStringWrapper(this, "meterCountText", Formats.NONE);
    private final ReadOnlyStringWrapper metersNote = new ReadOnlyStringWrapper(this, "metersNote");
    private final ReadOnlyBooleanWrapper metersAvailable = new ReadOnlyBooleanWrapper(this, "metersAvailable", true);
    private final ReadOnlyStringWrapper meterColumnTitle = new ReadOnlyStringWrapper(this, "meterColumnTitle", "MPAN");

    /**
     * Governance follows the shown source when {@code source} is the app's {@link ActiveSource}; any other source
     * has no governance metadata.
     */
    public GovernanceViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        this(source, source instanceof ActiveSource active ? active.governance() : OpenedSource.NO_GOVERNANCE, runner,
                session);
    }

    /** @param governance answers for the same source as {@code source}; the app passes {@link ActiveSource#governance()} */
    public GovernanceViewModel(ConsumptionSource source, GovernanceSource governance, TaskRunner runner,
                               WorkbenchSession session) {
        super(source, runner, session);
        this.governance = governance;
        session.roleProperty().addListener((o, old, role) -> describeRoles());
        session.provenance().addListener((MapChangeListener<PurposeRole, List<Provenance>>) change -> describeRoles());
        currentRole.set(session.role());
        metersNote.set(noteFor(session.role()));
        metersAvailable.set(!session.role().aggregatesOnly());
        meterColumnTitle.set(session.role().maySeeRawMpan() ? "MPAN" : "Meter pseudonym");
        describeRoles();
        startListening();
    }

    private void describeRoles() {
        PurposeRole shown = session.query() != null ? session.query().role() : session.role();
        currentRole.set(shown);
        roles.setAll(Arrays.stream(PurposeRole.values()).map(role -> describe(role, role == shown)).toList());
        currentReads.set(reads(shown));
    }

    private RoleItem describe(PurposeRole role, boolean current) {
        String identity = switch (role.meterIdentity()) {
            case RAW_MPAN -> "Real MPAN";
            case PSEUDONYM -> "Keyed pseudonym";
            case NONE -> "No meter identity";
        };
        String granularity = role.aggregatesOnly() ? "Aggregates per GSP group" : "Half-hourly, per meter";
        if (role.sharedTablesOnly()) {
            granularity += " (shared tables only)";
        }
        String minimum = role.minimumGroupSize() <= 1 ? "Any" : "≥ " + role.minimumGroupSize() + " meters";
        return new RoleItem(role, role.displayName(), identity, granularity, minimum, reads(role), role.description(), current);
    }

    private String reads(PurposeRole role) {
        List<Provenance> seen = session.provenance().getOrDefault(role, List.of());
        if (seen.isEmpty()) {
            return "Not queried yet in this session";
        }
        return seen.stream().map(Provenance::relation).collect(Collectors.joining(", "));
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        meters.clear();
        meterCount.set(-1);
        meterCountText.set(Formats.NONE);
        meterColumnTitle.set(newRole.maySeeRawMpan() ? "MPAN" : "Meter pseudonym");
        metersNote.set(noteFor(newRole));
        metersAvailable.set(!newRole.aggregatesOnly());
        grants.clear();
        columnMasks.clear();
        rowFilters.clear();
        audit.clear();
        describeRoles();
    }

    private static String noteFor(PurposeRole role) {
        if (role.aggregatesOnly()) {
            return "Individual meters are not available to " + role.displayName() + ": it sees only aggregates over "
                    + "GSP groups of at least " + role.minimumGroupSize() + " meters, with no meter identity.";
        }
        if (!role.maySeeRawMpan()) {
            return role.displayName() + " sees each meter under a keyed pseudonym; the real MPAN never leaves the "
                    + "settlement view.";
        }
        return role.displayName() + " sees each meter under its real MPAN.";
    }

    @Override
    protected void reload(ViewQuery query) {
        PurposeRole role = query.role();
        load("Reading meters and governance for " + role.displayName(), "list the meters", progress -> {
            progress.report(0, "Listing meters visible to " + role.displayName());
            // A page and a count, never the whole fleet: at 100,000 meters a full list is what an analyst cannot read.
            List<MeterChoice> list = source.findMeters(role, MeterSearch.all(), MeterSearch.PAGE);
            long count = list.size() < MeterSearch.PAGE ? list.size() : source.meterCount(role);
            progress.checkCancelled();
            progress.report(0.2, "Reading grants");
            GovernanceAnswer<List<Grant>> granted = GovernanceAnswer.ask("read the grants", () -> governance.grants(role));
            progress.checkCancelled();
            progress.report(0.4, "Reading column masks");
            GovernanceAnswer<List<ColumnMask>> masks =
                    GovernanceAnswer.ask("read the column masks", () -> governance.columnMasks(role));
            progress.checkCancelled();
            progress.report(0.6, "Reading row filters");
            GovernanceAnswer<List<RowFilter>> filters =
                    GovernanceAnswer.ask("read the row filters", () -> governance.rowFilters(role));
            progress.checkCancelled();
            progress.report(0.8, "Reading the audit log");
            GovernanceAnswer<List<AuditEvent>> events =
                    GovernanceAnswer.ask("read the audit log", () -> governance.audit(role, AUDIT_LIMIT));
            progress.checkCancelled();
            return new Snapshot(list, count, granted, masks, filters, events);
        }, snapshot -> show(role, snapshot));
    }

    private void show(PurposeRole role, Snapshot snapshot) {
        showMeters(role, snapshot.meters(), snapshot.meterCount());
        grants.show(snapshot.grants(), g -> new GrantItem(redact(role, g.principal()), g.privilege(), g.objectType(),
                redact(role, g.objectKey())));
        columnMasks.show(snapshot.masks(), m -> new ColumnMaskItem(redact(role, m.table()), m.column(), m.maskFunction(),
                String.join(", ", m.usingColumns())));
        rowFilters.show(snapshot.filters(), f -> new RowFilterItem(redact(role, f.table()), f.filterFunction(),
                String.join(", ", f.columns())));
        audit.show(newestFirst(snapshot.audit()), e -> new AuditItem(e.time(),
                e.time() == null ? Formats.NONE : AUDIT_TIME.format(e.time()),
                redact(role, e.user()), redact(role, e.action()), redact(role, e.object()),
                e.rowsRead().isPresent() ? Formats.count(e.rowsRead().getAsLong()) : Formats.NONE, redact(role, e.status())));
    }

    /** Sources promise newest first; sorting again costs nothing and keeps the promise on screen. */
    private static GovernanceAnswer<List<AuditEvent>> newestFirst(GovernanceAnswer<List<AuditEvent>> asked) {
        if (asked.answer() instanceof Restricted.Available<List<AuditEvent>> available) {
            List<AuditEvent> sorted = available.value().stream()
                    .sorted(Comparator.comparing(AuditEvent::time, Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(AUDIT_LIMIT)
                    .toList();
            return new GovernanceAnswer<>(new Restricted.Available<>(sorted, available.statement()), null);
        }
        return asked;
    }

    private static String redact(PurposeRole role, String text) {
        return MeterIdentityRedaction.forRole(role, text);
    }

    private static String plural(int n, String one, String many) {
        return Formats.count(n) + " " + (n == 1 ? one : many);
    }

    private void showMeters(PurposeRole role, List<MeterChoice> list, long count) {
        meters.setAll(list.stream()
                .map(m -> new MeterItem(m.label(), m.gspGroup() == null ? "" : m.gspGroup().code(),
                        m.gspGroup() == null ? "" : m.gspGroup().region()))
                .toList());
        meterCount.set(count);
        String visible = Formats.count(count) + (count == 1 ? " meter" : " meters") + " visible to " + role.displayName();
        meterCountText.set(role.aggregatesOnly() ? "No individual meters visible to " + role.displayName()
                : count > list.size() ? visible + "; the first " + Formats.count(list.size()) + " listed" : visible);
        meterColumnTitle.set(role.maySeeRawMpan() ? "MPAN" : "Meter pseudonym");
        metersNote.set(noteFor(role));
        describeRoles();
    }

    /** Makes {@code role} the role of every tab. */
    public void useRole(PurposeRole role) {
        if (role != null) {
            session.roleProperty().set(role);
        }
    }

    public ObservableList<RoleItem> roles() {
        return readOnlyRoles;
    }

    public ObservableList<MeterItem> meters() {
        return readOnlyMeters;
    }

    /** Privileges on the role's purpose views, inherited ones included. */
    public RestrictedRows<GrantItem> grants() {
        return grants;
    }

    public RestrictedRows<ColumnMaskItem> columnMasks() {
        return columnMasks;
    }

    public RestrictedRows<RowFilterItem> rowFilters() {
        return rowFilters;
    }

    /** The latest reads of the role's views, newest first, at most {@link #AUDIT_LIMIT}. */
    public RestrictedRows<AuditItem> audit() {
        return audit;
    }

    public ReadOnlyObjectProperty<PurposeRole> currentRoleProperty() {
        return currentRole.getReadOnlyProperty();
    }

    /** The relations the current role's figures came from, as the last provenance records say. */
    public ReadOnlyStringProperty currentReadsProperty() {
        return currentReads.getReadOnlyProperty();
    }

    /** Meters listed for the current role; -1 before they are loaded. */
    public ReadOnlyLongProperty meterCountProperty() {
        return meterCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterCountTextProperty() {
        return meterCountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty metersNoteProperty() {
        return metersNote.getReadOnlyProperty();
    }

    /** False for aggregate-only roles: there is no per-meter list to show at all. */
    public ReadOnlyBooleanProperty metersAvailableProperty() {
        return metersAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterColumnTitleProperty() {
        return meterColumnTitle.getReadOnlyProperty();
    }
}
