package uk.consumptioninsights.dataaccess.query;

import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The one view each purpose role reads through. Queries never touch gold tables directly, so what a role sees is
 * decided by the view, as Unity Catalog grants decide it on the provider. The views have the same names and columns
 * in the local workspace's {@code gold} schema and in the provider's gold schema.
 *
 * @param halfHourly  half-hourly consumption: per meter, or per GSP group for aggregate-only roles
 * @param meterColumn the meter key column in {@code halfHourly}; null for aggregate-only roles
 * @param population  meters per GSP group, for aggregate-only roles; null otherwise
 * @param anomalies   detections per meter, or counts for aggregate-only roles
 * @param groupHalfHourly per GSP group and half-hour: meters read and kWh summed, the rollup that answers every
 *                    question about all meters or one GSP group without reading each meter's readings
 * @param meterDaily  per meter and settlement day with readings: which meters read when (null for aggregate-only roles)
 */
public record PurposeViews(String halfHourly, String meterColumn, String population, String anomalies,
                           String groupHalfHourly, String meterDaily) {

    /** The views in the local workspace's {@code gold} schema. */
    public static PurposeViews of(PurposeRole role) {
        return of(role, "gold");
    }

    /**
     * The views in {@code namespace}, an already quoted schema or catalog.schema. View names are fixed here, never
     * taken from input.
     */
    public static PurposeViews of(PurposeRole role, String namespace) {
        String n = namespace + ".";
        return switch (role) {
            case SETTLEMENT -> new PurposeViews(n + "v_settlement_half_hourly", "mpan", null, n + "v_settlement_anomalies",
                    n + "v_settlement_gsp_half_hourly", n + "v_settlement_meter_daily");
            case MARKET_MONITORING -> new PurposeViews(n + "v_market_monitoring_half_hourly", "mpan_pseudonym", null,
                    n + "v_market_monitoring_anomalies", n + "v_market_monitoring_gsp_half_hourly",
                    n + "v_market_monitoring_meter_daily");
            case RESEARCH -> new PurposeViews(n + "v_research_gsp_half_hourly", null, n + "v_research_population",
                    n + "v_research_anomaly_summary", n + "v_research_gsp_half_hourly", null);
            case RECIPIENT -> new PurposeViews(n + "v_recipient_half_hourly", "mpan_pseudonym", null,
                    n + "v_recipient_anomalies", n + "v_recipient_gsp_half_hourly", n + "v_recipient_meter_daily");
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
