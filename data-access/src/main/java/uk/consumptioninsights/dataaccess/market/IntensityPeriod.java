package uk.consumptioninsights.dataaccess.market;

import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * Carbon of one period: the Carbon Intensity API's forecast and actual gCO2/kWh, and NESO's published zero-carbon
 * share (%) and intensity. Any may be null where that source has no row.
 */
public record IntensityPeriod(SettlementPeriod period, Integer forecast, Integer actual, Double zeroCarbonPercent,
                              Double nesoIntensity) {

    /** The intensity the carbon figure uses: actual, else forecast, else NESO's; null when none is known. */
    public Double bestIntensity() {
        return actual != null ? Double.valueOf(actual) : forecast != null ? Double.valueOf(forecast) : nesoIntensity;
    }
}
