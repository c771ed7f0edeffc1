package uk.consumptioninsights.app.consumption;

import java.time.Instant;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Finer points for the settlement days of a zoomed window, fetched in the background when the window holds too few
 * of the overview's points (newest request wins). The coarse points stay on screen until the finer ones arrive.
 */
final class FinerDays {

    static final String TITLE = "Loading finer consumption for the visible window";

    private final ConsumptionSource source;
    private final WorkbenchSession session;
    private final LatestLoad load;
    /** Finer points for some of the days; null when there are none. */
    private FetchedSeries finer;
    private Request pending;

    FinerDays(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        this.source = source;
        this.session = session;
        this.load = new LatestLoad(runner, true);
    }

    private record Request(DateRange days, SeriesResolution resolution) {

        boolean covers(long windowFrom, long windowTo) {
            return SettlementCalendar.dayStart(days.from()).getEpochSecond() <= windowFrom
                    && windowTo <= SettlementCalendar.dayStart(days.to().plusDays(1)).getEpochSecond();
        }
    }

    /** The series to cut [from, to) from: the finer points when they cover it, else the overview. */
    FetchedSeries baseFor(FetchedSeries overview, long from, long to) {
        if (pending != null && !pending.covers(from, to)) {
            // The window left the days on their way: do not keep the engine busy with them.
            cancel();
        }
        return finer != null && finer.covers(from, to) ? finer : overview;
    }

    /**
     * Asks for the window's settlement days again when it holds fewer than half the budget of fetched points and the
     * source could sum them finer; {@code arrived} runs once they are here.
     */
    void fetchIfCoarse(ChartWindow shown, int points, ViewQuery shownQuery, FetchedSeries overview, Runnable arrived) {
        FetchedSeries base = shown.base();
        if (shownQuery == null || overview.series().isEmpty() || base.resolution().halfHourly()
                || 2L * shown.fetchedPoints() >= points) {
            return;
        }
        DateRange days = new DateRange(SettlementCalendar.settlementDate(Instant.ofEpochSecond(shown.from())),
                SettlementCalendar.settlementDate(Instant.ofEpochSecond(shown.to() - 1))).clippedTo(shownQuery.range());
        SeriesResolution wanted = SeriesResolution.forPoints(days, points);
        if (wanted.halfHoursPerPoint() >= base.resolution().halfHoursPerPoint()) {
            return;
        }
        Request request = new Request(days, wanted);
        if (request.equals(pending)) {
            return;
        }
        pending = request;
        PurposeRole role = shownQuery.role();
        SeriesScope scope = overview.answer().scope();
        load.start(TITLE, progress -> source.consumption(role, scope, days, wanted),
                answer -> {
                    // A new overview drops this load, so an answer that arrives is for the one shown.
                    pending = null;
                    finer = FetchedSeries.of(answer, days);
                    session.recordProvenance(role, answer.provenance());
                    arrived.run();
                },
                error -> {
                    pending = null;
                    session.reportError(UserMessages.describe(error, "load finer consumption for the zoomed window"));
                });
    }

    /** Stops the load on its way; finer points already here stay. */
    void cancel() {
        load.cancel();
        pending = null;
    }

    /** Another overview: stop and forget the finer points. */
    void drop() {
        cancel();
        finer = null;
    }

    LatestLoad load() {
        return load;
    }
}
