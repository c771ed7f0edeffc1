package uk.consumptioninsights.app.anomalies;

/**
 * One entry of the alert feed: a high-severity anomaly, newest first. Choosing it shows its row.
 *
 * @param headline e.g. "Theft / bypass · _A · 20 Nov SP12 → SP40"
 * @param detail   the reason, or the count for aggregate-only roles
 */
public record AlertItem(String headline, String detail, AnomalyItem target) {
}
