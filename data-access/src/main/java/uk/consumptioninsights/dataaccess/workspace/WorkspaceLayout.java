package uk.consumptioninsights.dataaccess.workspace;

/** Which tables a workspace file holds. */
public enum WorkspaceLayout {
    /** The bronze → silver → gold lakehouse, built here from generated or imported readings. */
    LOCAL("schema.sql"),
    /** A recipient's copy of a Delta Sharing share's tables, read under the Recipient purpose only. */
    RECIPIENT("recipient-schema.sql");

    private final String schemaResource;

    WorkspaceLayout(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    String schemaResource() {
        return schemaResource;
    }
}
