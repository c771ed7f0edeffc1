package uk.consumptioninsights.app.governance;

/** A meter as the current role sees it: under its MPAN or its pseudonym. */
public record MeterItem(String meter, String gspGroup, String region) {
}
