package uk.consumptioninsights.dataaccess.sharing.http;

/** Identifies the workbench to sharing servers, so providers can tell its requests apart when helping a user. */
public final class UserAgent {

    private UserAgent() {
    }

    public static String value() {
        String version = UserAgent.class.getPackage().getImplementationVersion();
        return "ConsumptionInsightsWorkbench/" + (version == null ? "dev" : version)
                + " (Delta Sharing recipient) Java/" + System.getProperty("java.version");
    }
}
