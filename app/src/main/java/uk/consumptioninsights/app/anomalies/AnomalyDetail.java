package uk.consumptioninsights.app.anomalies;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.forest.ChampionScore;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * The detail pane: the chosen anomaly in words, with its reason, and the series around it (the meter's own for a
 * detection, the GSP group's for a count) with the flagged half-hours picked out. The series is read through the
 * role's view, under the meter key the role sees.
 */
public final class AnomalyDetail {

    /** Days of context either side of the flagged interval. */
    static final int CONTEXT_DAYS = 3;
    /** Points drawn at most; the line is thinned with LTTB beyond that, the flagged half-hours never. */
    static final int MAX_POINTS = 1_200;
    static final String NOTHING_CHOSEN = "Choose an anomaly in the table, on the chart or in the alert feed to see why "
            + "it was flagged.";

    private final ConsumptionSource source;
    private final LatestLoad load;
    private final ReadOnlyObjectWrapper<AnomalyItem> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", NOTHING_CHOSEN);
    private final ReadOnlyStringWrapper seriesTitle = new ReadOnlyStringWrapper(this, "seriesTitle", "");
    private final ReadOnlyStringWrapper seriesMessage = new ReadOnlyStringWrapper(this, "seriesMessage", "");
    private final ReadOnlyObjectWrapper<HalfHourlySeries> series =
            new ReadOnlyObjectWrapper<>(this, "series", HalfHourlySeries.empty());
    private final ReadOnlyObjectWrapper<HalfHourlySeries> flagged =
            new ReadOnlyObjectWrapper<>(this, "flagged", HalfHourlySeries.empty());

    private Map<String, ChampionScore> championScores = Map.of();

    AnomalyDetail(ConsumptionSource source, TaskRunner runner) {
        this.source = source;
        this.load = new LatestLoad(runner, true);
    }

    /** The champion's scores for the listed detections, by anomaly id; shown with the chosen one. */
    void championScores(Map<String, ChampionScore> scores) {
        championScores = Map.copyOf(scores);
    }

    /** Shows {@code item} (null clears) and loads its context series in the background. */
    void show(AnomalyItem item, PurposeRole role) {
        if (item == null) {
            clear();
            return;
        }
        shown.set(item);
        series.set(HalfHourlySeries.empty());
        flagged.set(HalfHourlySeries.empty());
        Instant from;
        Instant to;
        SeriesScope scope;
        if (item instanceof DetectionItem d) {
            AnomalyRow row = d.row();
            title.set(row.type().label() + " · " + row.severity().displayName());
            ChampionScore champion = championScores.get(row.anomalyId());
            facts.set(detectionFacts(d) + (champion == null ? "" : "\n" + ChampionLines.detection(champion)));
            reason.set(row.reason());
            from = row.start();
            to = row.end();
            scope = new SeriesScope.OneMeter(row.meterLabel(), row.meterLabel());
            seriesTitle.set(AnomalyTable.meterColumnTitleFor(role) + " " + row.meterLabel() + " around the event");
        } else {
            CountItem c = (CountItem) item;
            title.set(c.type() + " · " + c.severity());
            facts.set(c.count() + " flagged in " + c.gspGroup() + " on " + Formats.day(c.settlementDay())
                    + "\nFound by: " + c.foundBy());
            reason.set(c.anomalyType().description());
            from = SettlementCalendar.dayStart(c.settlementDay());
            to = SettlementCalendar.dayStart(c.settlementDay().plusDays(1));
            GspGroup group = knownGroup(c.gspCode());
            scope = group == null ? new SeriesScope.AllMeters() : new SeriesScope.OneGspGroup(group);
            seriesTitle.set(scope.label() + " around the day");
        }
        LocalDate firstDay = SettlementCalendar.settlementDate(from).minusDays(CONTEXT_DAYS);
        LocalDate lastDay = SettlementCalendar.settlementDate(to.minusSeconds(1)).plusDays(CONTEXT_DAYS);
        seriesMessage.set("Loading the series…");
        load.start("Loading the series around the anomaly",
                progress -> source.consumption(role, scope, new DateRange(firstDay, lastDay)),
                loaded -> showSeries(loaded, from, to),
                error -> seriesMessage.set(UserMessages.describe(error, "load the series around the anomaly")));
    }

    void clear() {
        load.cancel();
        shown.set(null);
        title.set("");
        facts.set("");
        reason.set(NOTHING_CHOSEN);
        seriesTitle.set("");
        seriesMessage.set("");
        series.set(HalfHourlySeries.empty());
        flagged.set(HalfHourlySeries.empty());
    }

    private void showSeries(ConsumptionSeries loaded, Instant from, Instant to) {
        HalfHourlySeries all = loaded.series();
        HalfHourlySeries inside = all.slice(from, to);
        series.set(Lttb.downsample(all, MAX_POINTS));
        flagged.set(inside);
        seriesMessage.set(all.isEmpty() ? "The role's view has no readings around this anomaly."
                : Formats.count(all.size()) + " half-hours, " + Formats.count(inside.size()) + " flagged · "
                + Formats.provenance(loaded.provenance()).lines().skip(1).findFirst().orElse(""));
    }

    private static String detectionFacts(DetectionItem d) {
        AnomalyRow row = d.row();
        StringJoiner lines = new StringJoiner("\n");
        lines.add(d.meter() + " · " + d.gspGroup());
        Duration length = Duration.between(row.start(), row.end());
        lines.add(Formats.settlementPeriod(row.start()) + " → " + Formats.settlementPeriod(row.end())
                + " (end exclusive) · " + lengthInWords(length));
        if (row.expectedKwh() != null && row.actualKwh() != null) {
            String change = row.expectedKwh() == 0 ? "" : " (" + signedPercent(row.actualKwh() / row.expectedKwh() - 1) + ")";
            lines.add("Expected " + Formats.decimal(row.expectedKwh(), 2) + " kWh, recorded "
                    + Formats.decimal(row.actualKwh(), 2) + " kWh" + change);
        } else if (row.actualKwh() != null) {
            lines.add("Recorded " + Formats.decimal(row.actualKwh(), 2) + " kWh");
        }
        lines.add("Detector score " + d.score() + " (within " + row.type().label() + ")"
                + (row.learnedScore() == null ? "" : " · learned rank " + d.rank() + " (across types)"));
        lines.add("Found by: " + d.foundBy());
        return lines.toString();
    }

    static String lengthInWords(Duration length) {
        long halfHours = length.toMinutes() / 30;
        if (halfHours < 96) {
            return Formats.decimal(halfHours / 2.0, halfHours % 2 == 0 ? 0 : 1) + " hours";
        }
        return Formats.decimal(length.toHours() / 24.0, 1) + " days";
    }

    private static String signedPercent(double change) {
        return (change >= 0 ? "+" : "−") + Formats.decimal(Math.abs(change) * 100, 0) + "%";
    }

    private static GspGroup knownGroup(String code) {
        try {
            return GspGroup.fromCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The anomaly shown, null when none. */
    public ReadOnlyObjectProperty<AnomalyItem> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Meter, interval, expected against actual, scores, who found it: one fact a line. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The detector's plain-language reason. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seriesTitleProperty() {
        return seriesTitle.getReadOnlyProperty();
    }

    /** Loading, failure or what the series holds. */
    public ReadOnlyStringProperty seriesMessageProperty() {
        return seriesMessage.getReadOnlyProperty();
    }

    /** The context series, thinned for drawing. */
    public ReadOnlyObjectProperty<HalfHourlySeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** Every half-hour inside the flagged interval, unthinned. */
    public ReadOnlyObjectProperty<HalfHourlySeries> flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return load.loadingProperty();
    }
}
