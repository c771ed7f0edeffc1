package uk.consumptioninsights.model.anomaly;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of anomaly the workbench flags. {@link #code()} is the stable value stored in data. */
public enum AnomalyType {
    THEFT_BYPASS("theft", "Theft / bypass", Severity.HIGH,
            "Consumption drops and stays low against the meter's own baseline while the daily shape remains, "
                    + "as when part of the load is wired around the meter."),
    METER_MALFUNCTION("meter_malfunction", "Meter malfunction", Severity.MEDIUM,
            "The meter reports stuck, flat or zero runs, physically impossible spikes, or negative readings."),
    NETWORK_ANOMALY("network_anomaly", "Network anomaly", Severity.MEDIUM,
            "Many meters in one GSP group lose supply or spike at the same time, which points to the network "
                    + "rather than any one meter."),
    MAINTENANCE("maintenance", "Maintenance", Severity.LOW,
            "Readings drift slowly or show repeated outliers, suggesting the meter needs calibration.");

    private final String code;
    private final String label;
    private final Severity severity;
    private final String description;

    AnomalyType(String code, String label, Severity severity, String description) {
        this.code = code;
        this.label = label;
        this.severity = severity;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** Accepts the stored code in any case, ignoring surrounding spaces. */
    public static AnomalyType fromCode(String code) {
        if (code != null) {
            String normalised = code.trim().toLowerCase(Locale.ROOT);
            for (AnomalyType type : values()) {
                if (type.code.equals(normalised)) {
                    return type;
                }
            }
        }
        String known = Arrays.stream(values()).map(AnomalyType::code).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + code + "' is not an anomaly type code. Known codes: " + known + ".");
    }
}
