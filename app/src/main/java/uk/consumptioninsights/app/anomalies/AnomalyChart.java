package uk.consumptioninsights.app.anomalies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.app.controls.SettlementTimeAxis;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * The consumption line with one marker per row of the table's page. A marker is coloured by type; clicking it chooses
 * its row; the chosen row's marker is enlarged. Draws only what the view-model computed.
 */
final class AnomalyChart {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final AnomaliesViewModel vm;
    private final SettlementTimeAxis xAxis = new SettlementTimeAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final XYChart.Series<Number, Number> line = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> markers = new XYChart.Series<>();
    private final List<Region> markerNodes = new ArrayList<>();

    AnomalyChart(AnomaliesViewModel vm) {
        this.vm = vm;
        chart.setId("anomalyChart");
        chart.getStyleClass().addAll("consumption-chart", "anomaly-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(140);
        chart.setPrefHeight(200);
        yAxis.labelProperty().bind(Bindings.createStringBinding(
                () -> ScreenSizedSeries.valueUnit(vm.backdropResolutionProperty().get()), vm.backdropResolutionProperty()));
        yAxis.setForceZeroInRange(true);
        yAxis.setAnimated(false);
        chart.getData().setAll(List.of(line, markers));
        // The markers are points, not a line: hide the line JavaFX draws through them.
        markers.getNode().setStyle("-fx-stroke: transparent;");
        vm.backdropProperty().addListener((o, old, series) -> drawLine());
        vm.markers().addListener((ListChangeListener<AnomalyMarker>) change -> drawMarkers());
        vm.selectedProperty().addListener((o, old, item) -> highlight());
        drawLine();
        drawMarkers();
    }

    Node node() {
        return chart;
    }

    /** Only when the consumption changes: paging through the table moves the markers, not the line. */
    private void drawLine() {
        HalfHourlySeries values = vm.backdropProperty().get();
        if (!values.isEmpty()) {
            xAxis.setLowerBound(values.epochSecondAt(0));
            // The last point sums its whole width, so markers inside it stay on the axis.
            xAxis.setUpperBound(values.epochSecondAt(values.size() - 1) + vm.backdropResolutionProperty().get().bucketSeconds());
        }
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            points.add(new XYChart.Data<>(values.epochSecondAt(i), values.kwhAt(i)));
        }
        line.getData().setAll(points);
    }

    private void drawMarkers() {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        markerNodes.clear();
        for (AnomalyMarker marker : vm.markers()) {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(marker.epochSecond(), marker.kwh());
            Region node = new Region();
            node.setUserData(marker.item());
            node.setId("marker-" + markerNodes.size());
            Tooltip.install(node, new Tooltip(marker.tooltip()));
            node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                vm.reveal(marker.item());
                e.consume();
            });
            point.setNode(node);
            markerNodes.add(node);
            points.add(point);
        }
        markers.getData().setAll(points);
        // LineChart resets a symbol's style classes when it adds the point, so the marker classes go on afterwards.
        for (Region node : markerNodes) {
            node.getStyleClass().addAll("anomaly-marker", styleOf((AnomalyItem) node.getUserData()));
        }
        highlight();
    }

    private void highlight() {
        AnomalyItem chosen = vm.selectedProperty().get();
        for (Region node : markerNodes) {
            boolean isChosen = chosen != null && chosen.equals(node.getUserData());
            node.pseudoClassStateChanged(CHOSEN, isChosen);
            if (isChosen) {
                node.toFront();
            }
        }
    }

    /** The marker nodes drawn now, for tests: one per row of the page. */
    List<Region> markerNodes() {
        return List.copyOf(markerNodes);
    }

    static String styleOf(AnomalyItem item) {
        return "marker-" + item.anomalyType().code().replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
