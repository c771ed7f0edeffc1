package uk.consumptioninsights.app.provider;

/** The dialog's input fields, so a validation message can say which one to fix and the view can mark it. */
public enum ConnectionField {
    HOST("Host"),
    HTTP_PATH("HTTP path"),
    CATALOG("Catalog"),
    SCHEMA("Schema"),
    CLIENT_ID("Client id"),
    SECRET("Token or client secret"),
    PROFILE_NAME("Profile name"),
    CONNECT_TIMEOUT("Connect timeout"),
    QUERY_TIMEOUT("Query timeout");

    private final String label;

    ConnectionField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
