package uk.consumptioninsights.dataaccess.quality;

import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The data quality views a purpose role reads, with the same names in the local workspace's {@code gold} schema and
 * the provider's gold schema (notebooks/sql/gold_purpose_views.sql).
 *
 * @param dayAndGroup per settlement day and GSP group; Research's holds groups of at least its minimum size only
 * @param meterDays   the drill-down to meter-days; null for Research, which sees groups only
 * @param meterColumn the meter key column of {@code meterDays} (raw MPAN for Settlement, pseudonym otherwise)
 */
public record QualityViews(String dayAndGroup, String meterDays, String meterColumn) {

    /** View names are fixed here, never taken from input; {@code namespace} is an already quoted schema. */
    public static QualityViews of(PurposeRole role, String namespace) {
        String n = namespace + ".";
        return switch (role) {
            case SETTLEMENT -> new QualityViews(n + "v_settlement_data_quality", n + "v_settlement_meter_day_quality", "mpan");
            case MARKET_MONITORING -> new QualityViews(n + "v_market_monitoring_data_quality",
                    n + "v_market_monitoring_meter_day_quality", "mpan_pseudonym");
            case RESEARCH -> new QualityViews(n + "v_research_data_quality", null, null);
            case RECIPIENT -> throw new SourceException("The Recipient purpose sees only the shared tables, and data "
                    + "quality is not among them. Choose another purpose to see it.");
        };
    }

    public boolean groupsOnly() {
        return meterDays == null;
    }
}
