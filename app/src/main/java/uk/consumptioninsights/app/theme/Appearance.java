package uk.consumptioninsights.app.theme;

/** Which of the two themes is showing. */
public enum Appearance {
    LIGHT,
    DARK
}
