package uk.consumptioninsights.app.anomalies;

/**
 * One chart marker: a row of the table's current page, placed on the consumption line where the anomaly starts.
 *
 * @param epochSecond where on the time axis
 * @param kwh         the consumption line's value there, so the marker sits on the line
 * @param tooltip     what hovering the marker says
 */
public record AnomalyMarker(long epochSecond, double kwh, AnomalyItem item, String tooltip) {
}
