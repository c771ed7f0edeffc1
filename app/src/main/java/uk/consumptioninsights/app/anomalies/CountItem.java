package uk.consumptioninsights.app.anomalies;

/** Anomalies counted per GSP group, type, severity and day: what aggregate-only roles see. */
public record CountItem(String day, String gspGroup, String type, String severity, String count) {
}
