package uk.consumptioninsights.app.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Pieces shared by the workbench's message bars: the error banner, the import notice and task status lines. */
public final class Banners {

    private Banners() {
    }

    /** A small flat "Dismiss" button that never shrinks below its text. */
    public static Button dismissButton(String id, Runnable action) {
        Button dismiss = new Button("Dismiss");
        dismiss.setId(id);
        dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        dismiss.setOnAction(e -> action.run());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        return dismiss;
    }

    /** A wrapping status line showing {@code text}, styled as a failure while {@code failed} holds. */
    public static Label statusLine(String id, ObservableValue<String> text, ObservableValue<Boolean> failed) {
        Label line = new Label();
        line.setId(id);
        line.setWrapText(true);
        line.getStyleClass().add("rescore-message");
        line.textProperty().bind(text);
        failed.addListener((o, was, now) -> {
            if (now) {
                line.getStyleClass().add("rescore-failed");
            } else {
                line.getStyleClass().remove("rescore-failed");
            }
        });
        return line;
    }

    /** Shows the node, and gives it layout space, only while the condition holds. */
    public static <N extends Node> N shownWhen(N node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }
}
