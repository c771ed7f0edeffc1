package uk.consumptioninsights.app.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.forest.ChampionModel;
import uk.consumptioninsights.dataaccess.forest.ChampionScore;
import uk.consumptioninsights.dataaccess.forest.ProviderForestJson;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Issue 15 item 3: in provider mode the Anomalies tab names the champion model and shows its scores beside the notebook's. */
class AnomaliesChampionTest {

    private static final String ONE_LEAF_FOREST = """
            {"format": "provider-isolation-forest", "format_version": 1, "feature_names": ["duration_log2"],
             "offset": -0.5, "max_samples": 256, "trees": [{"children_left": [-1], "children_right": [-1],
             "feature": [-2], "threshold": [-2.0], "n_node_samples": [1]}]}""";

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final AnomaliesViewModel vm = new AnomaliesViewModel(source, SameThreadTaskRunner.immediate(), session);

    @Test
    void theChampionIsNamedAndEachDetectionShowsBothScores() {
        listTwoDetections();
        ChampionModel model = new ChampionModel("cat.gold.anomaly_event_iforest", 3, Instant.parse("2026-11-30T14:02:00Z"),
                "run-1", ProviderForestJson.parse(ONE_LEAF_FOREST, "test forest"));
        source.champion = new ChampionCheck.Scored(model, Map.of(
                "a1", new ChampionScore(0.43865775774513, 0.43865775774513),
                "a2", new ChampionScore(0.40055, 0.61234)));

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.provenanceProperty().get()).contains("gold.v_settlement_anomalies")
                .contains("\nModel: champion v3, trained 30 Nov 2026 14:02 UTC · scored here on the notebook's features: "
                        + "1 of 2 detections differ from the notebook (up to 2.1e-01), so the published forest is not "
                        + "the one that ranked them");
        vm.selectedProperty().set(vm.detections().get(0));
        assertThat(vm.detail().factsProperty().get())
                .endsWith("Champion forest novelty: notebook 0.4387 · scored here 0.4387 (agree)");
        vm.selectedProperty().set(vm.detections().get(1));
        assertThat(vm.detail().factsProperty().get())
                .endsWith("Champion forest novelty: notebook 0.4006 · scored here 0.6123 (differ)");
    }

    @Test
    void aMissingChampionSaysWhatToDoAndLocalSourcesSayNothing() {
        listTwoDetections();
        source.champion = new ChampionCheck.Unavailable("No champion model is published in `c`.`gold` yet. Run notebook 05.");

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.provenanceProperty().get())
                .endsWith("\nModel: No champion model is published in `c`.`gold` yet. Run notebook 05.");

        source.champion = ChampionCheck.NOT_OFFERED;
        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);

        assertThat(vm.provenanceProperty().get()).doesNotContain("Model:").doesNotContain("champion");
        vm.selectedProperty().set(vm.detections().get(0));
        assertThat(vm.detail().factsProperty().get()).doesNotContain("Champion");
    }

    private void listTwoDetections() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant start = SettlementCalendar.periodStart(day, 12);
        Instant end = SettlementCalendar.periodStart(day, 15);
        for (PurposeRole role : List.of(PurposeRole.SETTLEMENT, PurposeRole.MARKET_MONITORING)) {
            String meter = role == PurposeRole.SETTLEMENT ? FakeSource.MPAN_1 : "mp_3f9a1c";
            source.anomalies.put(role, new AnomalyListing.Detections(List.of(
                    new AnomalyRow("a1", meter, "_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, 0.93, start, end, 1.2, 0.1,
                            "Consumption dropped", AnomalyOrigin.SOURCE, 0.81),
                    new AnomalyRow("a2", meter, "_A", AnomalyType.METER_MALFUNCTION, Severity.MEDIUM, 0.5, start, end,
                            null, 0.0, "Stuck register", AnomalyOrigin.SOURCE, 0.42)),
                    FakeSource.provenance("gold.v_settlement_anomalies", 2)));
        }
    }
}
