package uk.consumptioninsights.dataaccess.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tables the workbench's tabs show, each exportable under a purpose. */
public enum TabTable {
    /** Overview: the headline figures. */
    OVERVIEW("overview"),
    /** Consumption: the chart's series for a scope. */
    CONSUMPTION("consumption"),
    /** Governance & Consent: the meters the purpose may see one by one. */
    METERS("meters"),
    /** Anomalies: detections, or counts per GSP group and day for aggregate-only purposes. */
    ANOMALIES("anomalies"),
    /** Governance & Consent: privileges on the purpose's views. */
    GRANTS("grants"),
    COLUMN_MASKS("column-masks"),
    ROW_FILTERS("row-filters"),
    /** Governance & Consent: the latest reads of the purpose's views. */
    AUDIT("audit"),
    /** Data quality per settlement day and GSP group (local workspaces). */
    QUALITY("quality");

    private final String code;

    TabTable(String code) {
        this.code = code;
    }

    /** The name on the command line and in file names, e.g. "column-masks". */
    public String code() {
        return code;
    }

    public static Optional<TabTable> fromCode(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(TabTable::code).collect(Collectors.joining(", "));
    }
}
