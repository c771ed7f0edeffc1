package uk.consumptioninsights.app.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;

/** Pieces shared by the workbench's message bars: the error banner and the import notice. */
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

    /** Shows the node, and gives it layout space, only while the condition holds. */
    public static <N extends Node> N shownWhen(N node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }
}
