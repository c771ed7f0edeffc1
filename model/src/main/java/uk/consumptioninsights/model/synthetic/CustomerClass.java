package uk.consumptioninsights.model.synthetic;

/** The kind of supply a synthetic meter stands for; it sets the annual volume and the daily shape. */
public enum CustomerClass {
    DOMESTIC("domestic"),
    SMALL_BUSINESS("small_business");

    private final String code;

    CustomerClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
