package uk.consumptioninsights.app.governance;

import java.util.Arrays;
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
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Explains the purpose roles: what each may see, which relations it read, and the meters as the current role sees
 * them. Choosing a role here changes it for every tab.
 */
public final class GovernanceViewModel extends FeatureViewModel {

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

    public GovernanceViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
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
        load("Listing meters visible to " + role.displayName(), "list the meters",
                progress -> source.meters(role),
                list -> show(role, list));
    }

    private void show(PurposeRole role, List<MeterChoice> list) {
        meters.setAll(list.stream()
                .map(m -> new MeterItem(m.label(), m.gspGroup() == null ? "" : m.gspGroup().code(),
                        m.gspGroup() == null ? "" : m.gspGroup().region()))
                .toList());
        meterCount.set(list.size());
        meterCountText.set(role.aggregatesOnly()
                ? "No individual meters visible to " + role.displayName()
                : Formats.count(list.size()) + (list.size() == 1 ? " meter" : " meters") + " visible to " + role.displayName());
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
