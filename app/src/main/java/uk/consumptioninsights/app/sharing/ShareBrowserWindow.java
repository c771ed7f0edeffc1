package uk.consumptioninsights.app.sharing;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import uk.consumptioninsights.app.controls.Banners;

/**
 * The share browser: shares → schemas → tables with what the workbench can read each as, the consumption and anomalies
 * tables to load, and Load / Cancel. Enter loads, Esc cancels what runs (or closes the window).
 */
final class ShareBrowserWindow {

    private final ShareViewModel vm;
    private final Stage stage = new Stage();
    private final TreeView<Object> tree = new TreeView<>();

    ShareBrowserWindow(ShareViewModel vm, Window owner) {
        this.vm = vm;
        stage.setTitle("Delta Sharing: choose tables");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Label profile = new Label();
        profile.setId("shareProfile");
        profile.getStyleClass().add("section-title");
        Label endpoint = new Label();
        endpoint.setId("shareEndpoint");
        endpoint.getStyleClass().add("hint");
        vm.catalogProperty().addListener((o, old, catalog) -> {
            profile.setText(catalog == null ? "" : String.valueOf(catalog.profile().getFileName()));
            endpoint.setText(catalog == null ? "" : "Served by " + catalog.endpoint());
        });

        tree.setId("shareTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof ShareTableItem table) {
                    setText(table.table() + "  ·  " + table.kindLabel());
                } else {
                    setText(item.toString());
                }
            }
        });
        vm.tables().addListener((ListChangeListener<ShareTableItem>) c -> rebuildTree());
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && item.getValue() instanceof ShareTableItem table) {
                vm.selectedProperty().set(table);
            }
        });
        tree.setPrefWidth(320);

        Label kind = new Label();
        kind.setId("shareTableKind");
        kind.getStyleClass().add("section-title");
        Label details = new Label();
        details.setId("shareTableDetails");
        details.setWrapText(true);
        details.getStyleClass().add("detail-facts");
        Label problem = new Label();
        problem.setId("shareTableProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("rescore-message");
        vm.selectedProperty().addListener((o, old, table) -> {
            kind.setText(table == null ? "" : table.qualifiedName() + " · " + table.kindLabel());
            details.setText(table == null ? "" : table.details());
            problem.setText(table == null ? "" : table.problem());
        });
        VBox detailPane = new VBox(8, kind, details, problem);
        detailPane.getStyleClass().add("detail-pane");
        SplitPane split = new SplitPane(tree, detailPane);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);

        ComboBox<ShareTableItem> consumption = new ComboBox<>(vm.consumptionOptions());
        consumption.setId("consumptionTableChoice");
        consumption.valueProperty().bindBidirectional(vm.consumptionChoiceProperty());
        consumption.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ShareTableItem> anomalies = new ComboBox<>();
        anomalies.setId("anomaliesTableChoice");
        anomalies.setMaxWidth(Double.MAX_VALUE);
        anomalies.setConverter(new StringConverter<>() {
            @Override
            public String toString(ShareTableItem item) {
                return item == null ? "None" : item.qualifiedName();
            }

            @Override
            public ShareTableItem fromString(String text) {
                return null;
            }
        });
        Runnable fillAnomalies = () -> {
            anomalies.getItems().setAll(vm.anomalyOptions());
            anomalies.getItems().add(0, null);
            anomalies.setValue(vm.anomaliesChoiceProperty().get());
        };
        vm.anomalyOptions().addListener((ListChangeListener<ShareTableItem>) c -> fillAnomalies.run());
        anomalies.valueProperty().addListener((o, old, value) -> {
            if (!Objects.equals(value, vm.anomaliesChoiceProperty().get())) {
                vm.anomaliesChoiceProperty().set(value);
            }
        });
        vm.anomaliesChoiceProperty().addListener((o, old, value) -> anomalies.setValue(value));
        fillAnomalies.run();
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, fieldLabel("CONSUMPTION TABLE"), consumption);
        form.addRow(1, fieldLabel("ANOMALIES TABLE"), anomalies);
        GridPane.setHgrow(consumption, Priority.ALWAYS);
        GridPane.setHgrow(anomalies, Priority.ALWAYS);

        Label message = Banners.statusLine("shareMessage", vm.messageProperty(), vm.failedProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.browsingProperty().or(vm.loadingProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("shareCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.browsingProperty().get() || vm.loadingProperty().get()) {
                vm.cancel();
            } else {
                vm.closeBrowser();
            }
        });
        Button load = new Button("Load into the workbench");
        load.setId("shareLoad");
        load.setDefaultButton(true);
        load.getStyleClass().add(Styles.ACCENT);
        load.disableProperty().bind(vm.canLoadProperty().not());
        load.setOnAction(e -> vm.load());
        HBox buttons = new HBox(10, busy, spacer, cancel, load);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, profile, endpoint, split, form, message, buttons);
        root.getStyleClass().add("page");
        Scene scene = new Scene(root, 860, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.fire();
            }
        });
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            vm.cancel();
            vm.closeBrowser();
        });
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private void rebuildTree() {
        TreeItem<Object> root = new TreeItem<>("shares");
        Map<String, TreeItem<Object>> shares = new LinkedHashMap<>();
        Map<String, TreeItem<Object>> schemas = new LinkedHashMap<>();
        TreeItem<Object> first = null;
        for (ShareTableItem table : vm.tables()) {
            TreeItem<Object> share = shares.computeIfAbsent(table.share(), name -> {
                TreeItem<Object> item = new TreeItem<>(name);
                item.setExpanded(true);
                root.getChildren().add(item);
                return item;
            });
            TreeItem<Object> schema = schemas.computeIfAbsent(table.share() + "\u0000" + table.schema(), key -> {
                TreeItem<Object> item = new TreeItem<>(table.schema());
                item.setExpanded(true);
                share.getChildren().add(item);
                return item;
            });
            TreeItem<Object> leaf = new TreeItem<>(table);
            schema.getChildren().add(leaf);
            if (table.equals(vm.selectedProperty().get())) {
                first = leaf;
            }
        }
        tree.setRoot(root);
        if (first != null) {
            tree.getSelectionModel().select(first);
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    void hide() {
        stage.hide();
    }

    Stage stage() {
        return stage;
    }
}
