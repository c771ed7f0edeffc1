package uk.consumptioninsights.app.anomalies;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Detections (or counts, for aggregate-only roles) in a table, or a clear empty state. No logic. */
import uk.consumptioninsights.app.controls.TextColumns;

public final class AnomaliesView {

    /** Ctrl+R (Cmd+R on macOS): "Rescore locally" while the Anomalies tab is shown. */
    public static final KeyCombination RESCORE_SHORTCUT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final VBox root = new VBox();

    public AnomaliesView(AnomaliesViewModel vm) {
        Label title = new Label("Anomalies");
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.setId("anomalySummary");
        summary.getStyleClass().add("page-subtitle");
        summary.textProperty().bind(vm.summaryProperty());
        Label busy = new Label("Updating…");
        busy.getStyleClass().add("busy-note");
        busy.visibleProperty().bind(vm.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button rescore = new Button("Rescore locally");
        rescore.setId("rescoreButton");
        rescore.getStyleClass().add("rescore-button");
        rescore.setTooltip(new Tooltip("Run the anomaly detectors over every reading of this local workspace and "
                + "replace its local detections (Ctrl+R). Esc cancels; the previous detections stay until it finishes."));
        rescore.disableProperty().bind(vm.rescoreDisabledProperty());
        rescore.setOnAction(e -> vm.rescore());
        rescore.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(RESCORE_SHORTCUT);
            }
            if (scene != null) {
                installShortcut(scene, rescore, vm);
            }
        });
        HBox heading = new HBox(14, title, summary, busy, spacer, rescore);
        heading.setAlignment(Pos.BASELINE_LEFT);

        Label rescoreLine = new Label();
        rescoreLine.setId("rescoreMessage");
        rescoreLine.getStyleClass().add("rescore-message");
        rescoreLine.setWrapText(true);
        rescoreLine.textProperty().bind(vm.rescoreMessageProperty());
        rescoreLine.visibleProperty().bind(vm.rescoreMessageProperty().isNotEmpty());
        rescoreLine.managedProperty().bind(rescoreLine.visibleProperty());
        vm.rescoreFailedProperty().addListener((o, was, failed) -> {
            if (failed) {
                rescoreLine.getStyleClass().add("rescore-failed");
            } else {
                rescoreLine.getStyleClass().remove("rescore-failed");
            }
        });

        TableView<DetectionItem> detections = new TableView<>(vm.detections());
        detections.setId("detectionsTable");
        TableColumn<DetectionItem, String> meter = TextColumns.of("MPAN", DetectionItem::meter, 150);
        meter.textProperty().bind(vm.meterColumnTitleProperty());
        detections.getColumns().addAll(List.of(meter,
                TextColumns.of("GSP group", DetectionItem::gspGroup, 150),
                TextColumns.of("Type", DetectionItem::type, 130),
                TextColumns.of("Severity", DetectionItem::severity, 80),
                TextColumns.of("Score", DetectionItem::score, 70),
                TextColumns.of("Interval", DetectionItem::interval, 170),
                TextColumns.of("Expected → actual", DetectionItem::expectedVsActual, 150),
                TextColumns.of("Reason", DetectionItem::reason, 280)));
        detections.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableView<CountItem> counts = new TableView<>(vm.counts());
        counts.setId("countsTable");
        counts.getColumns().addAll(List.of(
                TextColumns.of("Settlement date", CountItem::day, 130),
                TextColumns.of("GSP group", CountItem::gspGroup, 200),
                TextColumns.of("Type", CountItem::type, 160),
                TextColumns.of("Severity", CountItem::severity, 100),
                TextColumns.of("Anomalies", CountItem::count, 100)));
        counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        BooleanBinding showTable = vm.emptyProperty().not().and(vm.loadedProperty());
        detections.visibleProperty().bind(showTable.and(vm.modeProperty().isEqualTo(AnomaliesViewModel.Mode.DETECTIONS)));
        counts.visibleProperty().bind(showTable.and(vm.modeProperty().isEqualTo(AnomaliesViewModel.Mode.COUNTS)));

        Label mark = new Label("✓");
        StackPane markBox = new StackPane(mark);
        markBox.getStyleClass().add("empty-state-mark");
        Label emptyTitle = new Label(vm.emptyMessage());
        emptyTitle.setId("anomaliesEmptyMessage");
        emptyTitle.getStyleClass().add("empty-state-title");
        emptyTitle.setWrapText(true);
        emptyTitle.setMaxWidth(560);
        Label emptyDetail = new Label();
        emptyDetail.getStyleClass().add("empty-state-detail");
        emptyDetail.setWrapText(true);
        emptyDetail.setMaxWidth(560);
        emptyDetail.textProperty().bind(vm.emptyDetailProperty());
        Label labelsNote = new Label("Injected evaluation labels are ground truth for testing detectors and are never "
                + "shown here.");
        labelsNote.getStyleClass().add("hint");
        VBox empty = new VBox(markBox, emptyTitle, emptyDetail, labelsNote);
        empty.setId("anomaliesEmpty");
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(Bindings.and(vm.emptyProperty(), vm.loadedProperty()));
        empty.setMaxHeight(Double.MAX_VALUE);

        StackPane body = new StackPane(detections, counts, empty);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label provenance = new Label();
        provenance.getStyleClass().add("provenance");
        provenance.textProperty().bind(vm.provenanceProperty());
        provenance.setWrapText(true);

        root.getStyleClass().add("page");
        root.getChildren().addAll(heading, rescoreLine, body, provenance);
    }

    /** Ctrl+R presses the button, only while it is enabled and actually on screen (the Anomalies tab is selected). */
    private static void installShortcut(Scene scene, Button rescore, AnomaliesViewModel vm) {
        scene.getAccelerators().put(RESCORE_SHORTCUT, () -> {
            if (rescore.isDisabled()) {
                return;
            }
            for (Node n = rescore; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return;
                }
            }
            vm.rescore();
        });
    }


    public Node root() {
        return root;
    }
}
