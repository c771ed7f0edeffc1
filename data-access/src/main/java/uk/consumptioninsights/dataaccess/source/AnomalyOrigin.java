package uk.consumptioninsights.dataaccess.source;

/**
 * Who flagged an anomaly: the source itself (the provider's gold table, a shared anomaly table) or the workbench's
 * own local rescoring. The Anomalies tab compares the two where both exist.
 */
public enum AnomalyOrigin {
    SOURCE("Source"),
    LOCAL("Local");

    /** The detector name local rescoring writes into gold.anomalies.detector. */
    public static final String LOCAL_DETECTOR = "local-rules";

    private final String displayName;

    AnomalyOrigin(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Local for the workbench's own detector; everything else (including no detector column) came with the source. */
    public static AnomalyOrigin ofDetector(String detector) {
        return LOCAL_DETECTOR.equals(detector) ? LOCAL : SOURCE;
    }
}
