package uk.consumptioninsights.app.anomalies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/**
 * The Anomalies tab's filters: type, severity, GSP group, day and origin, and the groups and days there are to choose
 * from. A change to any of them runs {@code changed}.
 */
final class AnomalyFilters {

    final ObjectProperty<AnomalyType> typeFilter = new SimpleObjectProperty<>(this, "typeFilter");
    final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severityFilter");
    final ObjectProperty<String> gspFilter = new SimpleObjectProperty<>(this, "gspFilter");
    final ObjectProperty<LocalDate> dayFilter = new SimpleObjectProperty<>(this, "dayFilter");
    final ObjectProperty<AnomalyOrigin> originFilter = new SimpleObjectProperty<>(this, "originFilter");
    final ObservableList<String> gspOptions = FXCollections.observableArrayList();
    final ObservableList<String> readOnlyGspOptions = FXCollections.unmodifiableObservableList(gspOptions);
    final ObservableList<LocalDate> dayOptions = FXCollections.observableArrayList();
    final ObservableList<LocalDate> readOnlyDayOptions = FXCollections.unmodifiableObservableList(dayOptions);
    final ReadOnlyObjectWrapper<AnomalyFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", AnomalyFilter.ANY);

    AnomalyFilters(Runnable changed) {
        for (ObjectProperty<?> component : List.of(typeFilter, severityFilter, gspFilter, dayFilter, originFilter)) {
            component.addListener((o, old, value) -> changed.run());
        }
    }

    /** The filter the components make now; also shown in {@link #filter}. */
    AnomalyFilter current() {
        AnomalyFilter next = new AnomalyFilter(typeFilter.get(), severityFilter.get(), gspFilter.get(), dayFilter.get(),
                originFilter.get());
        filter.set(next);
        return next;
    }

    /** Clears every filter: the whole listing again. */
    void clear() {
        typeFilter.set(null);
        severityFilter.set(null);
        gspFilter.set(null);
        dayFilter.set(null);
        originFilter.set(null);
    }

    void clearOptions() {
        gspOptions.clear();
        dayOptions.clear();
    }

    /** The groups and days of {@code rows}, newest day first. */
    void offerOptionsOf(List<? extends AnomalyItem> rows) {
        Set<String> groups = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
        for (AnomalyItem row : rows) {
            groups.add(row.gspCode());
            days.add(row.settlementDay());
        }
        // Keep a chosen value that is no longer present, so the filter shown is the filter applied.
        if (gspFilter.get() != null) {
            groups.add(gspFilter.get());
        }
        if (dayFilter.get() != null) {
            days.add(dayFilter.get());
        }
        gspOptions.setAll(groups);
        dayOptions.setAll(days);
    }
}
