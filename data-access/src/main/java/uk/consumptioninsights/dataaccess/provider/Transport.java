package uk.consumptioninsights.dataaccess.provider;

/**
 * The driver's wire protocol. Always sent explicitly: left unset, a server-side feature flag picks one, so behaviour
 * would change without any change on our side.
 */
public enum Transport {
    THRIFT("1"),
    SQL_EXECUTION_API("0");

    private final String useThriftClient;

    Transport(String useThriftClient) {
        this.useThriftClient = useThriftClient;
    }

    /** The value of the driver's {@code UseThriftClient} property. */
    public String useThriftClient() {
        return useThriftClient;
    }
}
