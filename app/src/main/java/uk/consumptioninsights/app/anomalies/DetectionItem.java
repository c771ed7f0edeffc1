package uk.consumptioninsights.app.anomalies;

/** One detection as a table row, already in words. */
public record DetectionItem(String meter, String gspGroup, String type, String severity, String score,
                            String interval, String expectedVsActual, String reason) {
}
