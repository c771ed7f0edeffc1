package uk.consumptioninsights.model.cases;

import uk.consumptioninsights.model.anomaly.AnomalyType;

/** What a case is about: one of the four anomaly types, a data-quality finding, or anything else. */
public enum CaseCategory implements CaseCode {
    THEFT_BYPASS(AnomalyType.THEFT_BYPASS.code(), AnomalyType.THEFT_BYPASS.label()),
    METER_MALFUNCTION(AnomalyType.METER_MALFUNCTION.code(), AnomalyType.METER_MALFUNCTION.label()),
    NETWORK_ANOMALY(AnomalyType.NETWORK_ANOMALY.code(), AnomalyType.NETWORK_ANOMALY.label()),
    MAINTENANCE(AnomalyType.MAINTENANCE.code(), AnomalyType.MAINTENANCE.label()),
    DATA_QUALITY("data_quality", "Data quality"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    CaseCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stable value stored in data; the anomaly types keep their own codes. */
    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The category of a case raised from an anomaly of this type. */
    public static CaseCategory of(AnomalyType type) {
        return switch (type) {
            case THEFT_BYPASS -> THEFT_BYPASS;
            case METER_MALFUNCTION -> METER_MALFUNCTION;
            case NETWORK_ANOMALY -> NETWORK_ANOMALY;
            case MAINTENANCE -> MAINTENANCE;
        };
    }

    public static CaseCategory fromCode(String code) {
        return CaseCode.of(CaseCategory.class, code, "case category", "categories");
    }
}
