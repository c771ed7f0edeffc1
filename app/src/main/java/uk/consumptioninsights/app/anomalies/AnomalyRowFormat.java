package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** How anomaly rows read in the table, the alert feed and the markers' tooltips: the words and numbers, not the data. */
final class AnomalyRowFormat {

    private AnomalyRowFormat() {
    }

    /** What a chart marker says on hover. */
    static String markerTooltip(AnomalyItem item) {
        if (item instanceof DetectionItem d) {
            return d.type() + " · " + d.severity() + "\n" + d.meter() + " · " + d.gspGroup() + "\n" + d.interval();
        }
        CountItem c = (CountItem) item;
        return c.count() + " × " + c.type() + " · " + c.severity() + "\n" + c.gspGroup() + " · " + c.day();
    }

    /** The newest high-severity detections, for the alert feed. */
    static List<AlertItem> detectionAlerts(List<DetectionItem> rows) {
        return rows.stream()
                .filter(d -> d.anomalySeverity() == Severity.HIGH)
                .sorted(Comparator.comparing((DetectionItem d) -> d.row().end()).reversed()
                        .thenComparing(d -> d.row().anomalyId()))
                .limit(AnomaliesViewModel.ALERT_LIMIT)
                .map(d -> new AlertItem(d.type() + " · " + d.gspCode() + " · " + d.interval(),
                        d.meter() + ": " + d.row().reason(), d))
                .toList();
    }

    /** The newest high-severity counts, for the alert feed. */
    static List<AlertItem> countAlerts(List<CountItem> rows) {
        return rows.stream()
                .filter(c -> c.anomalySeverity() == Severity.HIGH)
                .sorted(Comparator.comparing(CountItem::settlementDay).reversed().thenComparing(CountItem::gspCode))
                .limit(AnomaliesViewModel.ALERT_LIMIT)
                .map(c -> new AlertItem(c.type() + " · " + c.gspCode() + " · " + c.day(),
                        c.count() + " flagged in " + c.gspGroup(), c))
                .toList();
    }

    /** A detection as the table shows it. */
    static DetectionItem item(AnomalyRow row, SourceLocalComparison comparison) {
        String expectedVsActual = (row.expectedKwh() == null ? Formats.NONE : Formats.decimal(row.expectedKwh(), 2))
                + " → " + (row.actualKwh() == null ? Formats.NONE : Formats.decimal(row.actualKwh(), 2)) + " kWh";
        return new DetectionItem(row, row.meterLabel(), gspLabel(row.gspGroup()), row.type().label(),
                row.severity().displayName(),
                row.learnedScore() == null ? Formats.NONE : Formats.decimal(row.learnedScore(), 2),
                Formats.decimal(row.score(), 2), interval(row.start(), row.end()), expectedVsActual,
                SourceLocalComparison.foundBy(row.origin(), comparison.confirmed().contains(row), comparison.comparable()),
                row.reason());
    }

    /** A count as the table shows it. */
    static CountItem item(AnomalyCount count) {
        return new CountItem(count, Formats.day(count.day()), gspLabel(count.gspGroup()), count.type().label(),
                count.severity().displayName(), count.origin().displayName(), Formats.count(count.count()));
    }

    /** "_A · East England", or the code alone when it names no GSP group. */
    static String gspLabel(String code) {
        try {
            GspGroup group = GspGroup.fromCode(code);
            return group.code() + " · " + group.region();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** "20 Nov SP12 → SP14", or across days "20 Nov SP47 → 21 Nov SP2"; the end is exclusive. */
    static String interval(Instant start, Instant end) {
        if (start == null) {
            return Formats.NONE;
        }
        SettlementPeriod first = SettlementCalendar.periodOf(start);
        if (end == null || !end.isAfter(start)) {
            return Formats.shortPeriod(start);
        }
        Instant lastStart = end.minusSeconds(1);
        SettlementPeriod last = SettlementCalendar.periodOf(lastStart);
        if (last.equals(first)) {
            return Formats.shortPeriod(start);
        }
        return Formats.shortPeriod(start) + " → "
                + (last.settlementDate().equals(first.settlementDate()) ? "SP" + last.period() : Formats.shortPeriod(lastStart));
    }
}
