package uk.consumptioninsights.app.anomalies;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.TextColumns;

/** The source's detections beside local rescoring's, per type, with their agreement; or why there is nothing to compare. */
final class SourceLocalPane {

    private final VBox root;

    SourceLocalPane(AnomaliesViewModel vm) {
        Label message = new Label();
        message.setId("comparisonMessage");
        message.setWrapText(true);
        message.getStyleClass().add("detail-facts");
        message.setMinHeight(Region.USE_PREF_SIZE);
        TableView<AgreementItem> table = new TableView<>();
        table.setId("comparisonTable");
        table.getColumns().addAll(List.of(
                TextColumns.of("Type", AgreementItem::type, 130),
                TextColumns.of("Source", AgreementItem::source, 62),
                TextColumns.of("Local", AgreementItem::local, 56),
                TextColumns.of("Both (S / L)", AgreementItem::both, 92),
                TextColumns.of("Source only", AgreementItem::sourceOnly, 88),
                TextColumns.of("Local only", AgreementItem::localOnly, 80),
                TextColumns.of("Agreement", AgreementItem::agreement, 84)));
        table.getColumns().forEach(c -> c.setSortable(false));
        // Readable headers with sideways scrolling in the narrow side pane, rather than "…" everywhere.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(190);
        Label rule = new Label("Both: flagged by the other side too, on the same meter with the same type over an "
                + "overlapping interval. Agreement: the share of all detections, on either side, that the other side "
                + "also found.");
        rule.getStyleClass().add("hint");
        rule.setWrapText(true);
        vm.comparisonProperty().addListener((o, old, comparison) -> {
            message.setText(comparison.message());
            table.getItems().setAll(comparison.items());
        });
        SourceLocalComparison now = vm.comparisonProperty().get();
        message.setText(now.message());
        table.getItems().setAll(now.items());
        table.visibleProperty().bind(Bindings.isNotEmpty(table.getItems()));
        table.managedProperty().bind(table.visibleProperty());
        rule.visibleProperty().bind(table.visibleProperty());
        rule.managedProperty().bind(table.visibleProperty());
        root = new VBox(10, message, table, rule);
        root.getStyleClass().add("detail-pane");
    }

    Node node() {
        return root;
    }
}
