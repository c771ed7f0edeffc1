package uk.consumptioninsights.model.cases;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an activity trail entry records: the raising of the case, or the change of one field. */
public enum CaseField {
    RAISED("raised", "Raised"),
    TITLE("title", "Title"),
    CATEGORY("category", "Category"),
    PRIORITY("priority", "Priority"),
    ASSIGNEE("assignee", "Assignee"),
    DESCRIPTION("description", "Description"),
    STATUS("status", "Status");

    private final String code;
    private final String label;

    CaseField(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static CaseField fromCode(String code) {
        for (CaseField field : values()) {
            if (field.code.equals(code)) {
                return field;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a case field. Known fields: "
                + Arrays.stream(values()).map(CaseField::code).collect(Collectors.joining(", ")) + ".");
    }
}
