package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;

/**
 * Detections of one type on clean meters, all of them false alarms, per 100 meter-years: at the alarm cut (detector
 * score at least 0.7, from which {@link Detection#severityFor} gives the type's own severity) and for all detections.
 */
public record FalseAlarmRate(AnomalyType type, int detections, int atAlarmCut, double meterYears) {

    public static final double ALARM_CUT = 0.7;

    public double perHundredMeterYears() {
        return 100 * detections / meterYears;
    }

    public double atAlarmCutPerHundredMeterYears() {
        return 100 * atAlarmCut / meterYears;
    }

    /** One row per type, in the types' order. */
    public static List<FalseAlarmRate> of(List<Detection> detections, double meterYears) {
        List<FalseAlarmRate> rates = new ArrayList<>();
        for (AnomalyType type : AnomalyType.values()) {
            List<Detection> ofType = detections.stream().filter(d -> d.type() == type).toList();
            int atCut = (int) ofType.stream().filter(d -> d.score() >= ALARM_CUT).count();
            rates.add(new FalseAlarmRate(type, ofType.size(), atCut, meterYears));
        }
        return rates;
    }
}
