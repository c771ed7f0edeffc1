package uk.consumptioninsights.app.sharing;

/** Whether a column reaches the share's recipients. */
public enum ColumnSharing {
    /** In the provider's table and in the share. */
    SHARED("shared"),
    /** In the provider's table, left out of the share. */
    NOT_SHARED("not shared"),
    /** Only on the shared side, e.g. a pseudonym a view adds in place of the MPAN. */
    SHARED_ONLY("only in the share");

    private final String label;

    ColumnSharing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
