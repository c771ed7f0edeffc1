package uk.consumptioninsights.dataaccess.recipient;

/**
 * A table of a recipient workspace that holds a copy of a shared table, and the {@code meta.workspace_info} keys that
 * name the shared table and the version copied.
 */
public enum RecipientTable {
    CONSUMPTION(SharedTableKind.CONSUMPTION, "shared.consumption_half_hourly", "consumption"),
    ANOMALIES(SharedTableKind.ANOMALIES, "shared.anomalies", "anomalies");

    private final SharedTableKind kind;
    private final String localName;
    private final String infoPrefix;

    RecipientTable(SharedTableKind kind, String localName, String infoPrefix) {
        this.kind = kind;
        this.localName = localName;
        this.infoPrefix = infoPrefix;
    }

    public SharedTableKind kind() {
        return kind;
    }

    /** e.g. {@code shared.consumption_half_hourly} */
    public String localName() {
        return localName;
    }

    /** The info key holding {@code share.schema.table}. */
    public String tableKey() {
        return infoPrefix + "_table";
    }

    /** The info key holding the version copied. */
    public String versionKey() {
        return infoPrefix + "_version";
    }
}
