package uk.consumptioninsights.dataaccess.workspace;

import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The one view each purpose role reads through. Queries never touch gold tables directly, so what a role sees is
 * decided by the view, as Unity Catalog grants decide it on the provider.
 *
 * @param halfHourly  half-hourly consumption: per meter, or per GSP group for aggregate-only roles
 * @param meterColumn the meter key column in {@code halfHourly}; null for aggregate-only roles
 * @param population  meters per GSP group, for aggregate-only roles; null otherwise
 * @param anomalies   detections per meter, or counts for aggregate-only roles
 */
public record PurposeViews(String halfHourly, String meterColumn, String population, String anomalies) {

    public static PurposeViews of(PurposeRole role) {
        return switch (role) {
            case SETTLEMENT -> new PurposeViews("gold.v_settlement_half_hourly", "mpan", null, "gold.v_settlement_anomalies");
            case MARKET_MONITORING -> new PurposeViews("gold.v_market_monitoring_half_hourly", "mpan_pseudonym", null,
                    "gold.v_market_monitoring_anomalies");
            case RESEARCH -> new PurposeViews("gold.v_research_gsp_half_hourly", null, "gold.v_research_population",
                    "gold.v_research_anomaly_summary");
            case RECIPIENT -> new PurposeViews("gold.v_recipient_half_hourly", "mpan_pseudonym", null,
                    "gold.v_recipient_anomalies");
        };
    }

    public boolean aggregatesOnly() {
        return meterColumn == null;
    }

    /** The column holding kWh in {@link #halfHourly()}. */
    public String kwhColumn() {
        return aggregatesOnly() ? "kwh_total" : "kwh";
    }

}
