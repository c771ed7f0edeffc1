package uk.consumptioninsights.dataaccess.source;

/** The three places the workbench reads from. */
public enum SourceKind {
    LOCAL_WORKSPACE("Local workspace"),
    PROVIDER("Databricks provider"),
    RECIPIENT("Delta Sharing recipient");

    private final String displayName;

    SourceKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
