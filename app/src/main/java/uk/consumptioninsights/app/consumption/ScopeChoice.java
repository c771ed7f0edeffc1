package uk.consumptioninsights.app.consumption;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/**
 * Which consumption the chart sums: all meters, one GSP group or one meter, with the meters the role may pick from.
 * A choice the user makes runs {@code changed}; choices set from a load do not.
 */
final class ScopeChoice {

    /** The scopes a role can choose from and the one to show, worked out off the UI thread. */
    record Offer(List<ScopeOption> options, List<MeterChoice> meters, ScopeOption option, MeterChoice meter) {

        SeriesScope scope() {
            return scopeOf(option, meter);
        }
    }

    final ObservableList<ScopeOption> scopeOptions = FXCollections.observableArrayList(ScopeOption.ALL);
    final ObservableList<ScopeOption> readOnlyScopeOptions = FXCollections.unmodifiableObservableList(scopeOptions);
    final ObjectProperty<ScopeOption> selectedScope = new SimpleObjectProperty<>(this, "selectedScope", ScopeOption.ALL);
    final ObservableList<MeterChoice> meters = FXCollections.observableArrayList();
    final ObservableList<MeterChoice> readOnlyMeters = FXCollections.unmodifiableObservableList(meters);
    final ObjectProperty<MeterChoice> selectedMeter = new SimpleObjectProperty<>(this, "selectedMeter");
    final ReadOnlyBooleanWrapper meterPickerVisible = new ReadOnlyBooleanWrapper(this, "meterPickerVisible", false);
    final MeterFinder meterFinder;
    private final ConsumptionSource source;
    private boolean applying;

    ScopeChoice(ConsumptionSource source, TaskRunner runner, Supplier<PurposeRole> role, Runnable changed) {
        this.source = source;
        meterFinder = new MeterFinder(source, runner, role, meters);
        selectedScope.addListener((o, old, option) -> {
            if (!applying && option != null && !option.equals(old)) {
                if (option.kind() == ScopeOption.Kind.ONE_METER && selectedMeter.get() == null && !meters.isEmpty()) {
                    applying = true;
                    selectedMeter.set(meters.get(0));
                    applying = false;
                }
                meterPickerVisible.set(option.kind() == ScopeOption.Kind.ONE_METER);
                changed.run();
            }
        });
        selectedMeter.addListener((o, old, meter) -> {
            if (!applying && meter != null && !meter.equals(old) && selectedKind() == ScopeOption.Kind.ONE_METER) {
                changed.run();
            }
        });
    }

    private ScopeOption.Kind selectedKind() {
        return selectedScope.get() == null ? ScopeOption.Kind.ALL_METERS : selectedScope.get().kind();
    }

    /** Another role: all meters, nothing to pick. */
    void clear() {
        show(new Offer(List.of(ScopeOption.ALL), List.of(), ScopeOption.ALL, null));
    }

    /** Shows what a load found, without counting it as the user's choice. */
    void show(Offer offer) {
        applying = true;
        try {
            scopeOptions.setAll(offer.options());
            selectedScope.set(offer.option());
            meters.setAll(offer.meters());
            meterFinder.showFirstPage(offer.meters());
            selectedMeter.set(offer.meter());
        } finally {
            applying = false;
        }
        meterPickerVisible.set(offer.option().kind() == ScopeOption.Kind.ONE_METER);
    }

    /** The scope chosen now. */
    SeriesScope scope() {
        return scopeOf(selectedScope.get(), selectedMeter.get());
    }

    /** Off the UI thread: the scopes {@code role} can choose from, keeping the chosen one when it still can. */
    Offer offerFor(PurposeRole role, ScopeOption wantedScope, MeterChoice wantedMeter, Progress progress) {
        List<GspGroup> groups = source.gspGroups(role);
        progress.checkCancelled();
        List<MeterChoice> choices = role.aggregatesOnly() ? List.of() : firstPage(role, wantedMeter);
        progress.checkCancelled();
        List<ScopeOption> options = new ArrayList<>();
        options.add(ScopeOption.ALL);
        groups.forEach(g -> options.add(ScopeOption.of(g)));
        if (!choices.isEmpty()) {
            options.add(ScopeOption.ONE_METER);
        }
        ScopeOption option = options.contains(wantedScope) ? wantedScope : ScopeOption.ALL;
        MeterChoice meter = null;
        if (option.kind() == ScopeOption.Kind.ONE_METER) {
            meter = choices.contains(wantedMeter) ? wantedMeter : choices.get(0);
        }
        return new Offer(options, choices, option, meter);
    }

    /** A page of meters, with the meter shown before kept in it when the role still sees it. */
    private List<MeterChoice> firstPage(PurposeRole role, MeterChoice wanted) {
        List<MeterChoice> page = source.findMeters(role, MeterSearch.all(), MeterSearch.PAGE);
        if (wanted == null || page.contains(wanted)) {
            return page;
        }
        List<MeterChoice> again = source.findMeters(role, new MeterSearch(wanted.key()), 1);
        if (again.isEmpty() || !again.get(0).equals(wanted)) {
            return page;
        }
        List<MeterChoice> withWanted = new ArrayList<>(page);
        withWanted.add(0, wanted);
        return withWanted;
    }

    static SeriesScope scopeOf(ScopeOption option, MeterChoice meter) {
        if (option == null) {
            return new SeriesScope.AllMeters();
        }
        return switch (option.kind()) {
            case ALL_METERS -> new SeriesScope.AllMeters();
            case GSP_GROUP -> new SeriesScope.OneGspGroup(option.group());
            case ONE_METER -> meter == null ? new SeriesScope.AllMeters() : new SeriesScope.OneMeter(meter.key(), meter.label());
        };
    }
}
