package uk.consumptioninsights.app.shell;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The header's date pickers: kept inside the dates the role can see, from never after to, and published to every tab
 * when the user changes them.
 */
final class DateChoice {

    private final WorkbenchSession session;
    private final LocalDate fallbackDay;
    private final BooleanSupplier ready;

    private final ReadOnlyObjectWrapper<DateRange> availableRange = new ReadOnlyObjectWrapper<>(this, "availableRange");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ReadOnlyStringWrapper rangeNote = new ReadOnlyStringWrapper(this, "rangeNote", "");
    private boolean settingDates;

    /** @param ready whether a source is shown, so edits are published */
    DateChoice(WorkbenchSession session, LocalDate fallbackDay, BooleanSupplier ready) {
        this.session = session;
        this.fallbackDay = fallbackDay;
        this.ready = ready;
        fromDate.addListener((o, old, day) -> datesEdited(true));
        toDate.addListener((o, old, day) -> datesEdited(false));
    }

    /** Another source: show its whole range, not the dates chosen in the last one. */
    void forget() {
        availableRange.set(null);
        set(null, null);
    }

    /** The role's dates are known: keep the chosen ones inside them (or take them all) and publish. */
    void rangeKnown(PurposeRole role, DateRange available) {
        availableRange.set(available);
        DateRange current = fromDate.get() != null && toDate.get() != null && !toDate.get().isBefore(fromDate.get())
                ? new DateRange(fromDate.get(), toDate.get()) : null;
        DateRange range;
        if (available == null) {
            range = current != null ? current : new DateRange(fallbackDay, fallbackDay);
            rangeNote.set("No data is visible to " + role.displayName() + " in this source.");
        } else {
            range = current == null ? available : current.clippedTo(available);
            rangeNote.set("Data from " + Formats.day(available.from()) + " to " + Formats.day(available.to()));
        }
        set(range.from(), range.to());
        session.publish(role, range);
    }

    private void set(LocalDate from, LocalDate to) {
        settingDates = true;
        try {
            fromDate.set(from);
            toDate.set(to);
        } finally {
            settingDates = false;
        }
    }

    private void datesEdited(boolean fromEdited) {
        if (settingDates || !ready.getAsBoolean()) {
            return;
        }
        LocalDate from = fromDate.get();
        LocalDate to = toDate.get();
        if (from == null || to == null) {
            return;
        }
        DateRange available = availableRange.get();
        if (available != null) {
            from = clamp(from, available);
            to = clamp(to, available);
        }
        if (to.isBefore(from)) {
            if (fromEdited) {
                to = from;
            } else {
                from = to;
            }
        }
        DateRange range = new DateRange(from, to);
        set(range.from(), range.to());
        if (session.query() == null || !range.equals(session.query().range())) {
            session.publish(session.role(), range);
        }
    }

    private static LocalDate clamp(LocalDate day, DateRange bounds) {
        return day.isBefore(bounds.from()) ? bounds.from() : day.isAfter(bounds.to()) ? bounds.to() : day;
    }

    boolean isSelectable(LocalDate day) {
        DateRange available = availableRange.get();
        return day != null && (available == null || available.contains(day));
    }

    ReadOnlyObjectProperty<DateRange> availableRangeProperty() {
        return availableRange.getReadOnlyProperty();
    }

    ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    ReadOnlyStringProperty rangeNoteProperty() {
        return rangeNote.getReadOnlyProperty();
    }
}
