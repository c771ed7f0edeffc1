package uk.consumptioninsights.app.consumption;

import javafx.beans.value.ObservableStringValue;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.controls.SettlementTimeAxis;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * The consumption chart: a LineChart without symbols or animation, fed only the points the view-model fetched sized to
 * the plot. Wheel and buttons zoom, drag and arrow keys pan; the view-model fetches finer points when a window needs
 * them, and the stats say how wide each point is.
 */
public final class ConsumptionView {

    private static final double WHEEL_ZOOM = 0.8;
    private static final double KEY_PAN = 0.1;

    private final ConsumptionViewModel vm;
    private final VBox root = FeatureStylesheet.added(new VBox(), ConsumptionView.class, "consumption.css");
    private final SettlementTimeAxis xAxis = new SettlementTimeAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private double dragX = Double.NaN;

    public ConsumptionView(ConsumptionViewModel vm) {
        this.vm = vm;
        Label title = new Label("Consumption");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.textProperty().bind(vm.seriesTitleProperty());
        Label busy = new Label("Updating…");
        busy.getStyleClass().add("busy-note");
        busy.visibleProperty().bind(vm.loadingProperty().or(vm.loadingFinerProperty()));
        HBox heading = new HBox(14, title, subtitle, busy);
        heading.setAlignment(Pos.BASELINE_LEFT);

        root.getStyleClass().add("page");
        root.getChildren().addAll(heading, toolbar(), stats(), chartCard(), footer());
    }

    private Node toolbar() {
        ComboBox<ScopeOption> scope = new ComboBox<>(vm.scopeOptions());
        scope.setId("scopeSelector");
        scope.valueProperty().bindBidirectional(vm.selectedScopeProperty());
        scope.setPrefWidth(300);
        ComboBox<MeterChoice> meter = new ComboBox<>(vm.meters());
        meter.setId("meterSelector");
        meter.valueProperty().bindBidirectional(vm.selectedMeterProperty());
        meter.setConverter(new StringConverter<>() {
            @Override
            public String toString(MeterChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public MeterChoice fromString(String text) {
                return null;
            }
        });
        meter.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MeterChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + "  ·  " + item.gspGroup().code());
            }
        });
        meter.setPrefWidth(260);
        meter.visibleProperty().bind(vm.meterPickerVisibleProperty());
        meter.managedProperty().bind(meter.visibleProperty());
        // The list holds a page of meters; typing here finds others (a fleet can be 100,000 meters).
        TextField find = new TextField();
        find.setId("meterSearch");
        find.setPromptText("Find a meter: MPAN, pseudonym or GSP group");
        find.setPrefColumnCount(18);
        find.textProperty().bindBidirectional(vm.meterSearchProperty());
        find.visibleProperty().bind(vm.meterPickerVisibleProperty());
        find.managedProperty().bind(find.visibleProperty());
        Tooltip findHint = new Tooltip();
        findHint.textProperty().bind(vm.meterSearchNoteProperty());
        find.setTooltip(findHint);
        find.setOnAction(e -> {
            if (!meter.getItems().isEmpty()) {
                meter.setValue(meter.getItems().get(0));
            }
        });

        Button zoomIn = new Button("Zoom in");
        zoomIn.setId("zoomIn");
        zoomIn.setOnAction(e -> vm.zoomIn());
        Button zoomOut = new Button("Zoom out");
        zoomOut.setId("zoomOut");
        zoomOut.setOnAction(e -> vm.zoomOut());
        zoomOut.disableProperty().bind(vm.zoomedProperty().not());
        Button reset = new Button("Reset");
        reset.setId("resetZoom");
        reset.setOnAction(e -> vm.resetZoom());
        reset.disableProperty().bind(vm.zoomedProperty().not());
        for (Button b : List.of(zoomIn, zoomOut, reset)) {
            b.getStyleClass().add(Styles.BUTTON_OUTLINED);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label scopeLabel = new Label("SCOPE");
        scopeLabel.getStyleClass().add("field-label");
        HBox bar = new HBox(scopeLabel, scope, find, meter, spacer, zoomIn, zoomOut, reset);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private Node stats() {
        HBox row = new HBox(12,
                stat("VISIBLE TOTAL", "seriesTotalKwh", vm.visibleTotalKwhProperty()),
                stat("HALF-HOURS COVERED", "seriesPoints", vm.visiblePointsProperty()),
                stat("WINDOW", "visibleRange", vm.visibleRangeProperty()),
                stat("RESOLUTION", "seriesResolution", vm.resolutionProperty()));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node stat(String caption, String id, ObservableStringValue value) {
        Label label = new Label(caption);
        label.getStyleClass().add("stat-label");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("stat-value");
        number.textProperty().bind(value);
        VBox box = new VBox(label, number);
        box.getStyleClass().add("stat");
        return box;
    }

    private Node chartCard() {
        chart.setId("consumptionChart");
        chart.getStyleClass().add("consumption-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setFocusTraversable(true);
        yAxis.labelProperty().bind(vm.valueAxisLabelProperty());
        yAxis.setForceZeroInRange(true);
        yAxis.setAnimated(false);
        xAxis.setLabel("Settlement date and period (London)");
        xAxis.lowerBoundProperty().bind(vm.viewFromProperty());
        xAxis.upperBoundProperty().bind(vm.viewToProperty());
        xAxis.widthProperty().addListener((o, old, width) -> vm.setPlotWidth(width.doubleValue()));
        vm.displayedProperty().addListener((o, old, series) -> draw(series));
        draw(vm.displayedProperty().get());

        chart.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            chart.requestFocus();
        });
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        chart.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        Tooltip.install(chart, new Tooltip("Scroll to zoom · drag or ← → to pan · + − to zoom · Home to reset"));

        Label empty = new Label();
        empty.getStyleClass().add("empty-overlay");
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.textProperty().bind(vm.emptyMessageProperty());
        empty.visibleProperty().bind(vm.emptyMessageProperty().isNotEmpty());
        empty.setMouseTransparent(true);

        StackPane card = new StackPane(chart, empty);
        card.getStyleClass().add("chart-card");
        VBox.setVgrow(card, Priority.ALWAYS);
        return card;
    }

    private Node footer() {
        Label provenance = new Label();
        provenance.getStyleClass().add("provenance");
        provenance.textProperty().bind(vm.provenanceProperty());
        provenance.setWrapText(true);
        provenance.setMinHeight(Region.USE_PREF_SIZE);
        provenance.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(provenance, Priority.ALWAYS);
        Label hint = new Label("Scroll to zoom · drag or ← → to pan · Totals add up the visible points, each the sum "
                + "of the half-hours it spans.");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, provenance, hint);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private void draw(HalfHourlySeries series) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            points.add(new XYChart.Data<>(series.epochSecondAt(i), series.kwhAt(i)));
        }
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.getData().setAll(points);
        chart.getData().setAll(List.of(line));
    }

    private double anchorOf(double sceneX, double sceneY) {
        Point2D local = xAxis.sceneToLocal(sceneX, sceneY);
        return xAxis.getWidth() <= 0 ? 0.5 : local.getX() / xAxis.getWidth();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        vm.zoom(e.getDeltaY() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, anchorOf(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX) || xAxis.getWidth() <= 0) {
            return;
        }
        double dx = e.getX() - dragX;
        dragX = e.getX();
        vm.pan(-dx / xAxis.getWidth());
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> vm.pan(-KEY_PAN);
            case RIGHT -> vm.pan(KEY_PAN);
            case PLUS, EQUALS, ADD -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            case HOME -> vm.resetZoom();
            default -> {
                return;
            }
        }
        e.consume();
    }

    public Node root() {
        return root;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }
}
