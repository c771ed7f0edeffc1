package uk.consumptioninsights.app.consumption;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The meter picker's search: the picker lists a page of meters, never a whole fleet, and typing the start of an MPAN
 * or pseudonym, or a GSP group, asks the source for the meters that match, in the background (a newer search drops
 * an older one's answer).
 */
final class MeterFinder {

    static final String HINT = "Type the start of an MPAN or pseudonym, or a GSP group (e.g. _C)";

    private final ConsumptionSource source;
    private final Supplier<PurposeRole> role;
    private final ObservableList<MeterChoice> found;
    private final LatestLoad load;
    private final StringProperty text = new SimpleStringProperty(this, "meterSearch", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "meterSearchNote", "");
    private boolean quiet;

    MeterFinder(ConsumptionSource source, TaskRunner runner, Supplier<PurposeRole> role, ObservableList<MeterChoice> found) {
        this.source = source;
        this.role = role;
        this.found = found;
        this.load = new LatestLoad(runner, true);
        text.addListener((o, old, now) -> {
            if (!quiet) {
                search(now);
            }
        });
    }

    /** A fresh list for a new role or source: the first page, with the search text cleared. */
    void showFirstPage(List<MeterChoice> firstPage) {
        load.cancel();
        quiet = true;
        text.set("");
        quiet = false;
        describe(firstPage.size(), true);
    }

    private void search(String typed) {
        PurposeRole current = role.get();
        if (current == null || current.aggregatesOnly()) {
            return;
        }
        MeterSearch search = new MeterSearch(typed);
        load.start("Finding meters", progress -> source.findMeters(current, search, MeterSearch.PAGE),
                meters -> {
                    found.setAll(meters);
                    describe(meters.size(), search.isBlank());
                },
                error -> note.set(UserMessages.describe(error, "find meters")));
    }

    private void describe(int shown, boolean blank) {
        if (shown == 0) {
            note.set(blank ? "" : "No meter matches. " + HINT + ".");
        } else if (shown >= MeterSearch.PAGE) {
            note.set("The first " + Formats.count(shown) + (blank ? " meters. " : " matches. ") + HINT + " to narrow.");
        } else {
            note.set(Formats.count(shown) + (shown == 1 ? " meter" : " meters") + (blank ? "." : " match."));
        }
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
