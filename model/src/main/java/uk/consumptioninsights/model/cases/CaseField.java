package uk.consumptioninsights.model.cases;


/** What an activity trail entry records: the raising of the case, or the change of one field. */
public enum CaseField implements CaseCode {
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

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static CaseField fromCode(String code) {
        return CaseCode.of(CaseField.class, code, "case field", "fields");
    }
}
