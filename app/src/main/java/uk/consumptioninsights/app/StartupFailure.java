package uk.consumptioninsights.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import uk.consumptioninsights.app.logging.LogDirectory;
import uk.consumptioninsights.dataaccess.workspace.StorageProblem;

/**
 * What the workbench says when it cannot even start (its data folder cannot be created, written or named on this
 * system): one dialog with the cause and what to do, instead of a window that never appears.
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String message(RuntimeException error) {
        String home = System.getProperty("ciw.home", System.getenv("CIW_HOME"));
        String what = "Starting the workbench" + (home == null || home.isBlank() ? "" : " with the data folder " + home);
        return StorageProblem.of(error).map(p -> p.explain(what, error)).orElse(what
                + " failed. The details are in the log file in " + LogDirectory.current() + ".");
    }

    static void show(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.setTitle("Consumption Insights Workbench");
        alert.setHeaderText("The workbench could not start");
        alert.showAndWait();
    }
}
