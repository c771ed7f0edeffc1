package uk.consumptioninsights.model.anomaly;

/** How urgently an anomaly needs an analyst's attention; declared most urgent first. */
public enum Severity {
    HIGH("High"),
    MEDIUM("Medium"),
    LOW("Low");

    private final String displayName;

    Severity(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
