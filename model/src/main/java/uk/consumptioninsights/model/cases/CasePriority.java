package uk.consumptioninsights.model.cases;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How soon a case needs working on; declared most urgent first. */
public enum CasePriority {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static CasePriority fromCode(String code) {
        for (CasePriority priority : values()) {
            if (priority.code.equals(code)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a case priority. Known priorities: "
                + Arrays.stream(values()).map(CasePriority::code).collect(Collectors.joining(", ")) + ".");
    }
}
