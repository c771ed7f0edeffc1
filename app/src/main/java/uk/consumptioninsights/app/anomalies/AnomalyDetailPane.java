package uk.consumptioninsights.app.anomalies;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.SettlementTimeAxis;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/** The chosen anomaly in words, its reason, and the series around it with the flagged half-hours in the accent colour. */
final class AnomalyDetailPane {

    private final AnomalyDetail detail;
    private final SettlementTimeAxis xAxis = new SettlementTimeAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, new NumberAxis());
    private final ScrollPane root;

    AnomalyDetailPane(AnomalyDetail detail) {
        this.detail = detail;
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(detail.titleProperty());
        Label facts = new Label();
        facts.setId("detailFacts");
        facts.getStyleClass().add("detail-facts");
        facts.setWrapText(true);
        facts.textProperty().bind(detail.factsProperty());
        Label reason = new Label();
        reason.setId("detailReason");
        reason.getStyleClass().add("detail-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(detail.reasonProperty());
        Label seriesTitle = new Label();
        seriesTitle.getStyleClass().add("field-label");
        seriesTitle.textProperty().bind(detail.seriesTitleProperty());
        Label seriesMessage = new Label();
        seriesMessage.setId("detailSeriesMessage");
        seriesMessage.getStyleClass().add("hint");
        seriesMessage.setWrapText(true);
        seriesMessage.textProperty().bind(detail.seriesMessageProperty());

        chart.setId("detailChart");
        chart.getStyleClass().addAll("consumption-chart", "detail-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        chart.visibleProperty().bind(detail.shownProperty().isNotNull());
        chart.managedProperty().bind(chart.visibleProperty());
        detail.seriesProperty().addListener((o, old, s) -> draw());
        detail.flaggedProperty().addListener((o, old, s) -> draw());

        VBox box = new VBox(8, title, facts, reason, seriesTitle, chart, seriesMessage);
        box.getStyleClass().add("detail-pane");
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("anomalyDetail");
    }

    Node node() {
        return root;
    }

    private void draw() {
        HalfHourlySeries context = detail.seriesProperty().get();
        HalfHourlySeries flagged = detail.flaggedProperty().get();
        if (!context.isEmpty()) {
            xAxis.setLowerBound(context.epochSecondAt(0));
            xAxis.setUpperBound(context.epochSecondAt(context.size() - 1) + 1800);
        }
        chart.getData().setAll(List.of(series(context), series(flagged)));
    }

    private static XYChart.Series<Number, Number> series(HalfHourlySeries values) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            points.add(new XYChart.Data<>(values.epochSecondAt(i), values.kwhAt(i)));
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().setAll(points);
        return series;
    }
}
