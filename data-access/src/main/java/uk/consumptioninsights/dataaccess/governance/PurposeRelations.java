package uk.consumptioninsights.dataaccess.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.quality.QualityViews;
import uk.consumptioninsights.dataaccess.query.PurposeViews;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The relations of the gold schema, unqualified, that a purpose role's governance concerns: its purpose views, and
 * the gold tables and views those read (as schema.sql and the notebooks define them), where masks may sit too.
 */
final class PurposeRelations {

    private PurposeRelations() {
    }

    /** The role's purpose views, e.g. {@code v_research_gsp_half_hourly}. */
    static List<String> views(PurposeRole role) {
        PurposeViews views = PurposeViews.of(role, "gold");
        // Data quality is not shared, so the Recipient purpose has no quality views.
        QualityViews quality = role == PurposeRole.RECIPIENT ? new QualityViews(null, null, null)
                : QualityViews.of(role, "gold");
        return Stream.of(views.halfHourly(), views.population(), views.anomalies(), views.groupHalfHourly(),
                        views.meterDaily(), quality.dayAndGroup(), quality.meterDays())
                .filter(name -> name != null)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .distinct()
                .toList();
    }

    /** The role's views followed by what they read. */
    static List<String> viewsAndUnderlying(PurposeRole role) {
        Set<String> names = new LinkedHashSet<>(views(role));
        names.addAll(underlying(role));
        return new ArrayList<>(names);
    }

    private static List<String> underlying(PurposeRole role) {
        return switch (role) {
            case SETTLEMENT -> List.of("consumption_half_hourly", "meters", "anomalies", "consumption_gsp_half_hourly",
                    "consumption_daily", "data_quality_daily");
            case MARKET_MONITORING -> List.of("consumption_curated", "anomalies_curated",
                    "consumption_half_hourly", "meters", "anomalies", "consumption_gsp_half_hourly", "consumption_daily",
                    "data_quality_daily");
            case RECIPIENT -> List.of("consumption_curated", "anomalies_curated",
                    "consumption_half_hourly", "meters", "anomalies", "consumption_gsp_half_hourly", "consumption_daily");
            case RESEARCH -> List.of("consumption_gsp_half_hourly", "meters", "anomalies", "data_quality_daily");
        };
    }
}
