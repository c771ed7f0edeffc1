package uk.consumptioninsights.app.settings;

/** The look the analyst chose in View → Theme; remembered between runs. */
public enum ThemeChoice {
    LIGHT("Light"),
    DARK("Dark"),
    /** Light or dark as the operating system is set; light when the system does not say. */
    SYSTEM("Follow the system");

    private final String displayName;

    ThemeChoice(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
