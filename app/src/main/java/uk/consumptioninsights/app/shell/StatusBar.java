package uk.consumptioninsights.app.shell;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The window's foot: what runs now, its progress, Cancel, and the keys that matter. */
final class StatusBar {

    private StatusBar() {
    }

    static Node of(ShellViewModel vm) {
        Label message = new Label();
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        message.textProperty().bind(vm.activity().messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.setId("statusProgress");
        progress.progressProperty().bind(vm.activity().progressProperty());
        progress.visibleProperty().bind(vm.activity().runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        cancel.disableProperty().bind(vm.activity().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label keys = new Label("F5 refresh · Esc cancel · Ctrl+1–5 tabs");
        keys.getStyleClass().add("hint");
        HBox bar = new HBox(message, progress, cancel, keys);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
