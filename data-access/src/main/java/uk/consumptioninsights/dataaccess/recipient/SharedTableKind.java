package uk.consumptioninsights.dataaccess.recipient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the workbench can do with a shared table, judged by its columns (names match case-insensitively, as Delta's
 * do): half-hourly consumption per pseudonymous meter, or anomalies, or nothing.
 */
public enum SharedTableKind {
    CONSUMPTION("Half-hourly consumption", List.of(
            required("mpan_pseudonym", "VARCHAR"), required("gsp_group", "VARCHAR"), required("settlement_date", "DATE"),
            required("settlement_period", "INTEGER"), required("interval_start_utc", "TIMESTAMP"),
            required("kwh", "DOUBLE"))),
    ANOMALIES("Anomalies", List.of(
            required("anomaly_id", "VARCHAR"), required("mpan_pseudonym", "VARCHAR"), required("gsp_group", "VARCHAR"),
            required("anomaly_type", "VARCHAR"), required("severity", "VARCHAR"), required("score", "DOUBLE"),
            required("settlement_date", "DATE"), required("interval_start_utc", "TIMESTAMP"),
            required("interval_end_utc", "TIMESTAMP"), optional("expected_kwh", "DOUBLE"),
            optional("actual_kwh", "DOUBLE"), optional("reason", "VARCHAR"), optional("detector", "VARCHAR"),
            optional("learned_score", "DOUBLE")));

    /**
     * A column the workbench reads, and the type it is stored as locally. Timestamps are stored as naive UTC
     * TIMESTAMPs, like every other workspace.
     */
    public record Expected(String name, String localType, boolean required) {
    }

    private final String displayName;
    private final List<Expected> columns;

    SharedTableKind(String displayName, List<Expected> columns) {
        this.displayName = displayName;
        this.columns = columns;
    }

    public String displayName() {
        return displayName;
    }

    public List<Expected> columns() {
        return columns;
    }

    /** The required columns the table lacks; empty when the workbench can use it as this kind. */
    public List<String> missingFrom(List<SharedColumn> declared) {
        Set<String> present = declared.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Expected e : columns) {
            if (e.required() && !present.contains(e.name())) {
                missing.add(e.name());
            }
        }
        return missing;
    }

    /** The kind a table's columns fit, or null when they fit none. Anomalies first: they also carry meters and dates. */
    public static SharedTableKind of(List<SharedColumn> declared) {
        if (ANOMALIES.missingFrom(declared).isEmpty()) {
            return ANOMALIES;
        }
        return CONSUMPTION.missingFrom(declared).isEmpty() ? CONSUMPTION : null;
    }

    private static Expected required(String name, String type) {
        return new Expected(name, type, true);
    }

    private static Expected optional(String name, String type) {
        return new Expected(name, type, false);
    }
}
