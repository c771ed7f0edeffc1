package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.anomaly.detect.Detection;

/**
 * The detections a rescoring left in {@code gold.anomalies}, as {@link Detection}s keyed by LCLid (the importer's MPAN
 * mapped back). gold.anomalies keeps no pattern, so the type code stands in for it; a NULL learned score is NaN.
 */
public final class GoldDetections {

    private static final String SELECT = """
            SELECT mpan, anomaly_type, severity, score, epoch(interval_start_utc)::BIGINT, epoch(interval_end_utc)::BIGINT,
                   expected_kwh, actual_kwh, reason, learned_score
            FROM gold.anomalies ORDER BY anomaly_id""";

    private GoldDetections() {
    }

    public static List<Detection> read(LocalWorkspace workspace, List<String> householdIds) throws SQLException {
        Map<String, String> householdByMpan = new HashMap<>();
        for (String id : householdIds) {
            householdByMpan.put(LondonCsvImport.mpanFor(id).core(), id);
        }
        List<Detection> detections = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT)) {
            while (rs.next()) {
                String household = householdByMpan.get(rs.getString(1));
                if (household == null) {
                    throw new IllegalStateException("gold.anomalies names MPAN " + rs.getString(1) + ", not one of the imported households");
                }
                AnomalyType type = AnomalyType.fromCode(rs.getString(2));
                detections.add(new Detection(household, type, type.code(),
                        Severity.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getDouble(4),
                        Instant.ofEpochSecond(rs.getLong(5)), Instant.ofEpochSecond(rs.getLong(6)), nullable(rs, 7),
                        nullable(rs, 8), rs.getString(9), nullable(rs, 10)));
            }
        }
        return detections;
    }

    private static double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
