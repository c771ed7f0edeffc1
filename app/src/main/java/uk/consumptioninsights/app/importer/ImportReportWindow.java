package uk.consumptioninsights.app.importer;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.controls.TextColumns;

/**
 * The import report: the summary sentence (with where the report file listing every bad line is), the new workspace,
 * the first rejected lines with their line number, reason and text as read, and the first lines kept but flagged as
 * implausible. A window of its own beside the main one (not modal), reused for every import.
 */
final class ImportReportWindow {

    private final Stage stage = new Stage();

    ImportReportWindow(ImportViewModel vm, Window owner) {
        Label title = new Label();
        title.setId("importReportTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(vm.reportTitleProperty());
        Label summary = new Label();
        summary.setId("importReportSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.reportSummaryProperty());
        Label workspace = new Label();
        workspace.setId("importReportWorkspace");
        workspace.getStyleClass().add("provenance");
        workspace.textProperty().bind(Bindings.concat("New workspace: ", vm.reportWorkspaceProperty()));
        Label tableTitle = new Label();
        tableTitle.setId("rejectedRowsTitle");
        tableTitle.setWrapText(true);
        tableTitle.textProperty().bind(vm.rejectedTitleProperty());
        tableTitle.getStyleClass().add("section-title");

        TableView<RejectedLine> table = new TableView<>(vm.rejectedLines());
        table.setId("rejectedRowsTable");
        table.getColumns().add(lineColumn(RejectedLine::line));
        table.getColumns().add(column("Reason", RejectedLine::reason, 520));
        table.getColumns().add(column("Raw text", RejectedLine::rawText, 300));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("No rows were rejected: every line of the file was imported.");
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button close = new Button("Close");
        close.setId("closeImportReport");
        close.getStyleClass().add(Styles.ACCENT);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.hide());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label flaggedTitle = new Label();
        flaggedTitle.setId("flaggedRowsTitle");
        flaggedTitle.setWrapText(true);
        flaggedTitle.textProperty().bind(vm.flaggedTitleProperty());
        flaggedTitle.getStyleClass().add("section-title");
        TableView<FlaggedLine> flaggedTable = new TableView<>(vm.flaggedLines());
        flaggedTable.setId("flaggedRowsTable");
        flaggedTable.getColumns().add(lineColumn(FlaggedLine::line));
        flaggedTable.getColumns().add(withTooltips(TextColumns.of("Household", FlaggedLine::household, 110)));
        flaggedTable.getColumns().add(withTooltips(TextColumns.of("Half-hour", FlaggedLine::halfHour, 200)));
        flaggedTable.getColumns().add(withTooltips(TextColumns.of("kWh", FlaggedLine::kwh, 90)));
        flaggedTable.getColumns().add(withTooltips(TextColumns.of("Why", FlaggedLine::reason, 420)));
        flaggedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        flaggedTable.setPrefHeight(160);
        // Shown only when the import kept flagged readings: most files have none.
        for (Node node : new Node[] {flaggedTitle, flaggedTable}) {
            node.visibleProperty().bind(Bindings.isNotEmpty(vm.flaggedLines()));
            node.managedProperty().bind(node.visibleProperty());
        }

        VBox content = new VBox(title, summary, workspace, tableTitle, table, flaggedTitle, flaggedTable);
        content.getStyleClass().add("page");
        BorderPane root = FeatureStylesheet.added(new BorderPane(content), ImportReportWindow.class, "importer.css");
        root.setBottom(buttons);
        root.getStyleClass().add("import-report");
        buttons.getStyleClass().add("import-report-buttons");

        Scene scene = new Scene(root, 980, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setTitle("Import report");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** The file's line number, right-aligned. */
    private static <T> TableColumn<T, Long> lineColumn(Function<T, Long> line) {
        TableColumn<T, Long> column = new TableColumn<>("Line");
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(line.apply(cell.getValue())));
        column.setPrefWidth(70);
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    /** A text column whose cells show their whole text in a tooltip when it does not fit. */
    private static TableColumn<RejectedLine, String> column(String title, Function<RejectedLine, String> value, double width) {
        return withTooltips(TextColumns.of(title, value, width));
    }

    private static <T> TableColumn<T, String> withTooltips(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }
}
