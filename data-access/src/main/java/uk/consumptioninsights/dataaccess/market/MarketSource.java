package uk.consumptioninsights.dataaccess.market;

/** The public services market data comes from, named as the user's messages name them. */
public enum MarketSource {
    ELEXON("the Elexon Insights API"),
    NESO("the NESO data portal"),
    CARBON_INTENSITY("the Carbon Intensity API");

    private final String displayName;

    MarketSource(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
