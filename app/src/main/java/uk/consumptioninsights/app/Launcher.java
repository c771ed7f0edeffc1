package uk.consumptioninsights.app;

import javafx.application.Application;

/**
 * The main class. It does not extend {@link Application}, so the app starts from a plain class path (and from a
 * jpackage launcher) without the JavaFX launcher checks for modules.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApplication.class, args);
    }
}
