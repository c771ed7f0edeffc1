package uk.consumptioninsights.dataaccess.market;

/** Each series the workbench fetches and stores in the workspace's {@code market} schema. */
public enum MarketDataset {
    /** Elexon FUELHH: half-hourly generation by fuel type, MW. */
    FUELHH(MarketSource.ELEXON, 7),
    /** Elexon DISEBSP system sell and buy prices, £/MWh; asked for a day per request, stored a week at a time. */
    SYSTEM_PRICES(MarketSource.ELEXON, 7),
    /** Elexon INDO and ITSDO demand outturn, MW. */
    DEMAND_OUTTURN(MarketSource.ELEXON, 7),
    /** Carbon Intensity API national intensity, gCO2/kWh (forecast and actual). */
    CARBON_INTENSITY(MarketSource.CARBON_INTENSITY, 14),
    /** Carbon Intensity API national generation mix, % per fuel. */
    CARBON_GENERATION_MIX(MarketSource.CARBON_INTENSITY, 14),
    /** NESO historic generation mix: MW per fuel, aggregates, percentages and intensity as published. */
    NESO_GENERATION_MIX(MarketSource.NESO, 31);

    private final MarketSource source;
    private final int maxDaysPerRequest;

    MarketDataset(MarketSource source, int maxDaysPerRequest) {
        this.source = source;
        this.maxDaysPerRequest = maxDaysPerRequest;
    }

    public MarketSource source() {
        return source;
    }

    /**
     * Settlement days fetched and stored as one batch: within each API's documented or advised range cap (for
     * system prices, whose endpoint takes one day, the batch's days are asked for one by one).
     */
    public int maxDaysPerRequest() {
        return maxDaysPerRequest;
    }
}
