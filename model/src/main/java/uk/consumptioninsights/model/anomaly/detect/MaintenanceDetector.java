package uk.consumptioninsights.model.anomaly.detect;

import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Maintenance: a meter that needs calibration or repair. Two patterns, each judged against the meter's own history
 * rather than its peers (a household's own weeks differ more than its peers explain): {@link CalibrationDrift} (a
 * gain that creeps up on every reading alike) and {@link RepeatedOutliers} (the same time of day reading far too high
 * day after day, where the meter has no such habit).
 */
public final class MaintenanceDetector implements AnomalyDetector {

    @Override
    public AnomalyType type() {
        return AnomalyType.MAINTENANCE;
    }

    @Override
    public String name() {
        return "rules.maintenance.v2";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        List<Detection> out = new ArrayList<>();
        if (!(b.baselineDaily > 0)) {
            return out;
        }
        DayTable table = context.dayTable(meterIndex);
        Detection drift = CalibrationDrift.find(context, b, table);
        if (drift != null) {
            out.add(drift);
        }
        out.addAll(RepeatedOutliers.find(context, b, table));
        return out;
    }
}
