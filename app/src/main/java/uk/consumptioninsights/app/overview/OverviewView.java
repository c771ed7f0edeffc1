package uk.consumptioninsights.app.overview;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.FeatureStylesheet;

/** Four KPI cards, each with its provenance underneath. Binds to {@link OverviewViewModel}; no logic. */
public final class OverviewView {

    private final VBox root = FeatureStylesheet.added(new VBox(), OverviewView.class, "overview.css");

    public OverviewView(OverviewViewModel vm) {
        Label title = new Label("Overview");
        title.getStyleClass().add("page-title");
        Label scope = new Label();
        scope.getStyleClass().add("page-subtitle");
        scope.textProperty().bind(vm.scopeNoteProperty());
        Label busy = new Label("Updating…");
        busy.getStyleClass().add("busy-note");
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox heading = new HBox(14, title, scope, busy);
        heading.setAlignment(Pos.BASELINE_LEFT);

        GridPane cards = new GridPane();
        cards.getStyleClass().add("kpi-grid");
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            column.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(column);
        }
        cards.add(card(vm.metersTitleProperty(), "kpiDistinctMeters", vm.distinctMetersProperty(), vm), 0, 0);
        cards.add(card(new ReadOnlyStringWrapper("Total kWh"), "kpiTotalKwh", vm.totalKwhProperty(), vm), 1, 0);
        cards.add(card(new ReadOnlyStringWrapper("Readings"), "kpiReadings", vm.readingsProperty(), vm), 2, 0);
        Node latest = card(new ReadOnlyStringWrapper("Latest reading"), "kpiLatestReading", vm.latestReadingProperty(), vm);
        latest.lookup("#kpiLatestReading").getStyleClass().add("kpi-value-compact");
        cards.add(latest, 3, 0);

        Label explain = new Label("All four figures come from one query of the purpose role's view over the chosen "
                + "settlement dates. Latest reading is the start of the last half-hour with data: settlement date, "
                + "settlement period and London clock time.");
        explain.getStyleClass().add("hint");
        explain.setWrapText(true);

        root.getStyleClass().add("page");
        root.getChildren().addAll(heading, cards, explain, note("flaggedNote", vm.flaggedNoteProperty()),
                note("dataEndsNote", vm.dataEndsNoteProperty()));
    }

    /** A hint line shown only while its text is not empty. */
    private static Label note(String id, ObservableStringValue text) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(text);
        note.visibleProperty().bind(Bindings.isNotEmpty(text));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private static Node card(ObservableStringValue titleText, String valueId, ObservableStringValue value, OverviewViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("kpi-title");
        title.textProperty().bind(titleText);
        Label number = new Label();
        number.setId(valueId);
        number.getStyleClass().add("kpi-value");
        number.textProperty().bind(value);
        number.setWrapText(false);
        number.setMinHeight(Region.USE_PREF_SIZE);
        Label provenance = new Label();
        provenance.getStyleClass().add("provenance");
        provenance.setWrapText(true);
        provenance.textProperty().bind(vm.provenanceProperty());
        VBox card = new VBox(title, number, new Separator(), provenance);
        card.getStyleClass().add("kpi-card");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    public Node root() {
        return root;
    }
}
