package uk.consumptioninsights.app.anomalies;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.controls.Banners;
import uk.consumptioninsights.app.controls.TextColumns;

/**
 * The Anomalies tab: filters; the consumption line with a marker per row of the page; the table, sorted over every
 * row and paged; beside it the chosen anomaly's detail, the alert feed and the source-versus-local comparison. No
 * logic: everything shown comes from {@link AnomaliesViewModel}.
 */
public final class AnomaliesView {

    /** Ctrl+R (Cmd+R on macOS): "Rescore locally" while the Anomalies tab is shown. */
    public static final KeyCombination RESCORE_SHORTCUT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final AnomaliesViewModel vm;
    private final VBox root = FeatureStylesheet.added(new VBox(), AnomaliesView.class, "anomalies.css");
    private final TabPane side = new TabPane();
    private final Tab detailTab = new Tab("Detail");
    private final AnomalyChart chart;
    private SortColumn lastSort;
    private boolean lastAscending;

    public AnomaliesView(AnomaliesViewModel vm) {
        this.vm = vm;
        this.chart = new AnomalyChart(vm);
        SplitPane tableAndSide = new SplitPane(tableArea(), sidePane());
        tableAndSide.setOrientation(Orientation.HORIZONTAL);
        tableAndSide.setDividerPositions(0.68);
        // The analyst decides how much room the chart gets; the table takes the rest.
        SplitPane chartAndTable = new SplitPane(chartCard(), tableAndSide);
        chartAndTable.setOrientation(Orientation.VERTICAL);
        chartAndTable.setDividerPositions(0.32);
        chartAndTable.getStyleClass().add("plain-split");
        VBox.setVgrow(chartAndTable, Priority.ALWAYS);
        root.getStyleClass().add("page");
        root.getChildren().addAll(heading(), rescoreLine(), new AnomalyFilterBar(vm).node(), chartAndTable, provenance());
    }

    private Node heading() {
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
        return heading;
    }

    private Node rescoreLine() {
        Label line = Banners.statusLine("rescoreMessage", vm.rescoreMessageProperty(), vm.rescoreFailedProperty());
        return Banners.shownWhen(line, vm.rescoreMessageProperty().isNotEmpty());
    }

    private Node chartCard() {
        Label caption = new Label();
        caption.getStyleClass().add("field-label");
        caption.textProperty().bind(Bindings.concat(vm.backdropTitleProperty(),
                " · markers are the rows of the table's page; click one to open it"));
        VBox card = new VBox(4, caption, chart.node());
        card.getStyleClass().add("chart-card");
        return card;
    }

    private Node tableArea() {
        TableView<DetectionItem> detections = new TableView<>(vm.detections());
        detections.setId("detectionsTable");
        TableColumn<DetectionItem, String> meter = sortable(TextColumns.of("MPAN", DetectionItem::meter, 140), SortColumn.METER);
        meter.textProperty().bind(vm.meterColumnTitleProperty());
        detections.getColumns().addAll(List.of(meter,
                sortable(TextColumns.of("GSP group", DetectionItem::gspGroup, 130), SortColumn.GSP_GROUP),
                sortable(TextColumns.of("Type", DetectionItem::type, 120), SortColumn.TYPE),
                sortable(TextColumns.of("Severity", DetectionItem::severity, 80), SortColumn.SEVERITY),
                sortable(TextColumns.of("Rank", DetectionItem::rank, 64), SortColumn.RANK),
                sortable(TextColumns.of("Score", DetectionItem::score, 64), SortColumn.SCORE),
                sortable(TextColumns.of("Interval", DetectionItem::interval, 160), SortColumn.WHEN),
                sortable(TextColumns.of("Expected → actual", DetectionItem::expectedVsActual, 140), SortColumn.SHORTFALL),
                sortable(TextColumns.of("Found by", DetectionItem::foundBy, 130), SortColumn.FOUND_BY),
                unsortable(TextColumns.of("Reason", DetectionItem::reason, 520))));
        // Columns keep readable widths and the table scrolls sideways, rather than squeezing every cell to "…".
        detections.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        followSelection(detections);

        TableView<CountItem> counts = new TableView<>(vm.counts());
        counts.setId("countsTable");
        counts.getColumns().addAll(List.of(
                sortable(TextColumns.of("Settlement date", CountItem::day, 120), SortColumn.WHEN),
                sortable(TextColumns.of("GSP group", CountItem::gspGroup, 180), SortColumn.GSP_GROUP),
                sortable(TextColumns.of("Type", CountItem::type, 150), SortColumn.TYPE),
                sortable(TextColumns.of("Severity", CountItem::severity, 90), SortColumn.SEVERITY),
                sortable(TextColumns.of("Found by", CountItem::foundBy, 90), SortColumn.FOUND_BY),
                sortable(TextColumns.of("Anomalies", CountItem::count, 90), SortColumn.COUNT)));
        counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        followSelection(counts);

        // A role change forgets the rows; recreating the cells also drops the hidden spare cells that still hold the
        // previous role's text (a raw MPAN must not linger in the scene graph under another role).
        vm.loadedProperty().addListener((o, was, loaded) -> {
            if (!loaded) {
                detections.refresh();
                counts.refresh();
            }
        });

        BooleanBinding showTable = vm.emptyProperty().not().and(vm.loadedProperty());
        detections.visibleProperty().bind(showTable.and(vm.modeProperty().isEqualTo(AnomaliesViewModel.Mode.DETECTIONS)));
        counts.visibleProperty().bind(showTable.and(vm.modeProperty().isEqualTo(AnomaliesViewModel.Mode.COUNTS)));

        StackPane body = new StackPane(detections, counts, emptyState());
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox area = new VBox(6, body, AnomalyPager.of(vm));
        // Alt+→ / Alt+← page through the table while it has the focus.
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
                vm.nextPage();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                vm.previousPage();
                e.consume();
            }
        });
        return area;
    }

    private Node emptyState() {
        Label mark = new Label("✓");
        StackPane markBox = new StackPane(mark);
        markBox.getStyleClass().add("empty-state-mark");
        Label emptyTitle = new Label(vm.emptyMessage());
        emptyTitle.setId("anomaliesEmptyMessage");
        emptyTitle.getStyleClass().add("empty-state-title");
        emptyTitle.setWrapText(true);
        emptyTitle.setMaxWidth(560);
        emptyTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label emptyDetail = new Label();
        emptyDetail.getStyleClass().add("empty-state-detail");
        emptyDetail.setWrapText(true);
        emptyDetail.setMaxWidth(560);
        emptyDetail.setMinHeight(Region.USE_PREF_SIZE);
        emptyDetail.textProperty().bind(vm.emptyDetailProperty());
        Label labelsNote = new Label("Injected evaluation labels are ground truth for testing detectors and are never "
                + "shown here.");
        labelsNote.getStyleClass().add("hint");
        VBox empty = new VBox(markBox, emptyTitle, emptyDetail, labelsNote);
        empty.setId("anomaliesEmpty");
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(Bindings.and(vm.emptyProperty(), vm.loadedProperty()));
        empty.setMaxHeight(Double.MAX_VALUE);
        return empty;
    }

    private Node sidePane() {
        detailTab.setContent(new AnomalyDetailPane(vm.detail()).node());
        Tab alertsTab = new Tab();
        alertsTab.textProperty().bind(Bindings.size(vm.alerts()).asString("Alert feed (%d)"));
        alertsTab.setContent(alertFeed());
        Tab comparisonTab = new Tab("Source vs local", new SourceLocalPane(vm).node());
        side.getTabs().addAll(List.of(detailTab, alertsTab, comparisonTab));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("anomalySidePane");
        side.setMinWidth(320);
        vm.selectedProperty().addListener((o, old, item) -> {
            if (item != null) {
                side.getSelectionModel().select(detailTab);
            }
        });
        return side;
    }

    private Node alertFeed() {
        ListView<AlertItem> feed = new ListView<>(vm.alerts());
        feed.setId("alertFeed");
        feed.setPlaceholder(new Label("No high-severity anomalies in this range."));
        feed.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AlertItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label headline = new Label(item.headline());
                headline.getStyleClass().add("alert-headline");
                Label detail = new Label(item.detail());
                detail.getStyleClass().add("alert-detail");
                detail.setWrapText(true);
                detail.setMaxWidth(list.getWidth() - 40);
                setGraphic(new VBox(2, headline, detail));
                setText(null);
            }
        });
        feed.setOnMouseClicked(e -> open(feed.getSelectionModel().getSelectedItem()));
        feed.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(feed.getSelectionModel().getSelectedItem());
            }
        });
        return feed;
    }

    private void open(AlertItem alert) {
        if (alert != null) {
            vm.reveal(alert.target());
        }
    }

    /** Table and view-model choose the same row; a row on another page is chosen after paging to it. */
    private <T extends AnomalyItem> void followSelection(TableView<T> table) {
        table.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && vm.selectedProperty().get() != item) {
                vm.selectedProperty().set(item);
            }
        });
        Runnable sync = () -> {
            AnomalyItem chosen = vm.selectedProperty().get();
            int at = chosen == null ? -1 : table.getItems().indexOf(chosen);
            if (at < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != at) {
                table.getSelectionModel().clearAndSelect(at);
                table.scrollTo(at);
            }
        };
        vm.selectedProperty().addListener((o, old, item) -> sync.run());
        table.getItems().addListener((ListChangeListener<T>) change -> sync.run());
        table.setSortPolicy(t -> {
            sortBy(table);
            return true;
        });
    }

    /** The table's header clicks sort every row in the view-model, not just the page; repeated calls do nothing. */
    private <T> void sortBy(TableView<T> table) {
        SortColumn column = null;
        boolean ascending = true;
        if (!table.getSortOrder().isEmpty()) {
            TableColumn<T, ?> first = table.getSortOrder().get(0);
            column = (SortColumn) first.getUserData();
            ascending = first.getSortType() == TableColumn.SortType.ASCENDING;
        }
        if (column == lastSort && ascending == lastAscending) {
            return;
        }
        lastSort = column;
        lastAscending = ascending;
        vm.sort(column, ascending);
    }

    private static <T> TableColumn<T, String> sortable(TableColumn<T, String> column, SortColumn key) {
        column.setUserData(key);
        return column;
    }

    private static <T> TableColumn<T, String> unsortable(TableColumn<T, String> column) {
        column.setSortable(false);
        return column;
    }

    private Node provenance() {
        Label provenance = new Label();
        provenance.getStyleClass().add("provenance");
        provenance.textProperty().bind(vm.provenanceProperty());
        provenance.setWrapText(true);
        return provenance;
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

    /** The markers drawn now, for tests. */
    List<Region> markerNodes() {
        return chart.markerNodes();
    }
}
