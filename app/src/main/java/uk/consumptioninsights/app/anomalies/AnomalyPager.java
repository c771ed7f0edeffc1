package uk.consumptioninsights.app.anomalies;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Under the anomaly table: which rows are on screen, and the buttons to page through them. */
final class AnomalyPager {

    private AnomalyPager() {
    }

    static Node of(AnomaliesViewModel vm) {
        Label page = new Label();
        page.setId("pageLabel");
        page.getStyleClass().add("hint");
        page.textProperty().bind(vm.pageLabelProperty());
        Button previous = new Button("‹ Previous");
        previous.setId("previousPage");
        previous.setOnAction(e -> vm.previousPage());
        previous.disableProperty().bind(vm.hasPreviousPageProperty().not());
        previous.setTooltip(new Tooltip("Previous page (Alt+←)"));
        Button next = new Button("Next ›");
        next.setId("nextPage");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.hasNextPageProperty().not());
        next.setTooltip(new Tooltip("Next page (Alt+→)"));
        for (Button b : List.of(previous, next)) {
            b.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.SMALL);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, page, spacer, previous, next);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
