package uk.consumptioninsights.model.access;

/**
 * The purpose an analyst works under. Each purpose sees only the meter identity and
 * granularity it needs (data minimisation), so the rules live here rather than in screens.
 */
public enum PurposeRole {
    SETTLEMENT("Settlement",
            "Reconciles metered volumes for settlement, so it sees half-hourly data per meter under the real MPAN.",
            MeterIdentity.RAW_MPAN, true, false, 1, false),
    MARKET_MONITORING("Market monitoring",
            "Watches for unusual consumption across meters and GSP groups, so it sees half-hourly data per meter "
                    + "under keyed pseudonyms, never the real MPAN.",
            MeterIdentity.PSEUDONYM, true, false, 1, false),
    RESEARCH("Research",
            "Studies consumption patterns, so it sees only aggregates over groups of at least 10 meters, "
                    + "with no meter identity at all.",
            MeterIdentity.NONE, false, true, 10, false),
    RECIPIENT("Recipient",
            "Receives data that another team has shared, so it sees only the shared tables, with meters "
                    + "under pseudonyms.",
            MeterIdentity.PSEUDONYM, true, false, 1, true);

    private final String displayName;
    private final String description;
    private final MeterIdentity meterIdentity;
    private final boolean halfHourlyPerMeter;
    private final boolean aggregatesOnly;
    private final int minimumGroupSize;
    private final boolean sharedTablesOnly;

    PurposeRole(String displayName, String description, MeterIdentity meterIdentity, boolean halfHourlyPerMeter,
                boolean aggregatesOnly, int minimumGroupSize, boolean sharedTablesOnly) {
        this.displayName = displayName;
        this.description = description;
        this.meterIdentity = meterIdentity;
        this.halfHourlyPerMeter = halfHourlyPerMeter;
        this.aggregatesOnly = aggregatesOnly;
        this.minimumGroupSize = minimumGroupSize;
        this.sharedTablesOnly = sharedTablesOnly;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public MeterIdentity meterIdentity() {
        return meterIdentity;
    }

    public boolean halfHourlyPerMeter() {
        return halfHourlyPerMeter;
    }

    public boolean aggregatesOnly() {
        return aggregatesOnly;
    }

    /** Smallest number of distinct meters an aggregate may cover before it can be shown. */
    public int minimumGroupSize() {
        return minimumGroupSize;
    }

    public boolean sharedTablesOnly() {
        return sharedTablesOnly;
    }

    public boolean maySeeRawMpan() {
        return meterIdentity == MeterIdentity.RAW_MPAN;
    }
}
