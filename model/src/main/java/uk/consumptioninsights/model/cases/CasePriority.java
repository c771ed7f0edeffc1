package uk.consumptioninsights.model.cases;


/** How soon a case needs working on; declared most urgent first. */
public enum CasePriority implements CaseCode {
    URGENT("urgent", "Urgent"),
    HIGH("high", "High"),
    MEDIUM("medium", "Medium"),
    LOW("low", "Low");

    private final String code;
    private final String label;

    CasePriority(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static CasePriority fromCode(String code) {
        return CaseCode.of(CasePriority.class, code, "case priority", "priorities");
    }
}
