package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.forest.ChampionScore;
import uk.consumptioninsights.dataaccess.forest.NotebookPython;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Issue 15 item 3 through the real databricks-jdbc driver against the Spark + Delta peer: the rows notebook 05 appends
 * to {@code provider_forest} and {@code anomaly_features}, as its module writes them with scikit-learn
 * ({@code notebooks/tests/model_parity_driver.py}), are read by the provider source, and the champion is scored here
 * on the notebook's features to the notebook's own novelty. The peer's detections carry the notebook's feature rows
 * (the driver's detection ids are its own; only the id is replaced).
 */
@Tag("provider-peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChampionPeerIT {

    private static final String GOLD = PeerRuntime.CATALOG + "." + PeerRuntime.SCHEMA;

    private PeerRuntime runtime;
    private WarehouseConsumptionSource warehouse;
    private JsonNode tables;
    private String otherForest;

    @BeforeAll
    void notebookRowsAndPeer(@TempDir Path scratch) throws Exception {
        NotebookPython.requireScikitLearn(scratch);
        Path driver = NotebookPython.notebooks().resolve("tests/model_parity_driver.py");
        NotebookPython.run(scratch, Duration.ofMinutes(5), driver.toString(), scratch.toString()).requireSuccess();
        tables = new ObjectMapper().readTree(scratch.resolve("champion_tables.json").toFile());
        otherForest = Files.readString(scratch.resolve("forest.json"));
        runtime = PeerGold.shared().runtime();
        warehouse = new WarehouseConsumptionSource(runtime.goldConnector());
        try (Connection c = runtime.goldConnector().open(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + GOLD + ".provider_forest");
            st.execute("DROP TABLE IF EXISTS " + GOLD + ".anomaly_features");
        }
    }

    @AfterAll
    void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    @Order(1)
    void beforeNotebook05HasRunTheTabSaysWhatToDo() {
        ChampionCheck check = warehouse.champion(PurposeRole.SETTLEMENT, PeerGold.ALL);

        assertThat(check).isInstanceOf(ChampionCheck.Unavailable.class);
        assertThat(((ChampionCheck.Unavailable) check).reason())
                .startsWith("No champion model is published in")
                .contains("Run notebook 05 (ml_anomaly_detection)");
    }

    @Test
    @Order(2)
    void theChampionIsScoredHereOnTheNotebooksFeaturesToTheNotebooksNovelty() throws Exception {
        List<AnomalyRow> listed = detections(PurposeRole.SETTLEMENT);
        JsonNode featureRows = tables.get("anomaly_features");
        int version = tables.get("provider_forest").get("model_version").asInt();
        Map<String, Double> notebookNovelty = new LinkedHashMap<>();
        try (Connection c = runtime.goldConnector().open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + GOLD + ".provider_forest (model_name STRING, model_version INT, model_alias STRING,"
                    + " trained_at_utc TIMESTAMP, mlflow_run_id STRING, format_version INT, forest_json STRING) USING delta");
            st.execute("CREATE TABLE " + GOLD + ".anomaly_features (anomaly_id STRING, model_version INT, novelty DOUBLE,"
                    + " features_json STRING) USING delta");
            JsonNode row = tables.get("provider_forest");
            insertForest(c, row.get("model_name").asText(), version, "champion", row.get("trained_at_utc").asText(),
                    row.get("forest_json").asText());
            // An older version and a challenger are in the table too; only the newest champion counts.
            insertForest(c, row.get("model_name").asText(), version - 1, "champion", "2026-03-01T02:00:00+00:00", otherForest);
            insertForest(c, row.get("model_name").asText(), version + 5, "challenger", "2026-05-01T02:00:00+00:00", otherForest);
            int n = Math.min(listed.size(), featureRows.size());
            assertThat(n).as("detections to carry the notebook's rows").isGreaterThanOrEqualTo(3);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JsonNode f = featureRows.get(i);
                notebookNovelty.put(listed.get(i).anomalyId(), f.get(2).asDouble());
                rows.add(new Object[] {listed.get(i).anomalyId(), version, f.get(2).asDouble(), f.get(3).asText()});
            }
            // Rows of another version, and of a detection the listing does not show, are not read.
            rows.add(new Object[] {listed.get(0).anomalyId(), version - 1, 0.123, featureRows.get(0).get(3).asText()});
            rows.add(new Object[] {"not-listed", version, 0.5, featureRows.get(1).get(3).asText()});
            insertFeatures(c, rows);
        }

        ChampionCheck check = warehouse.champion(PurposeRole.SETTLEMENT, PeerGold.ALL);

        assertThat(check).isInstanceOf(ChampionCheck.Scored.class);
        ChampionCheck.Scored scored = (ChampionCheck.Scored) check;
        assertThat(scored.model().version()).isEqualTo(version);
        assertThat(scored.model().trainedAt()).isEqualTo(Instant.parse("2026-04-12T02:00:00Z"));
        assertThat(scored.model().provenance()).isEqualTo("Model: champion v3, trained 12 Apr 2026 02:00 UTC");
        assertThat(scored.scores().keySet()).isEqualTo(notebookNovelty.keySet());
        notebookNovelty.forEach((id, novelty) -> {
            assertThat(scored.scores().get(id).notebookNovelty()).isEqualTo(novelty);
            assertThat(scored.scores().get(id).localNovelty()).as(id).isCloseTo(novelty, within(ChampionScore.TOLERANCE));
        });
        assertThat(scored.agreeing()).isEqualTo(notebookNovelty.size());
        // The same forest read again is not fetched again, and answers the same.
        assertThat(((ChampionCheck.Scored) warehouse.champion(PurposeRole.SETTLEMENT, PeerGold.ALL)).scores())
                .isEqualTo(scored.scores());
        // Market monitoring lists the same detections under pseudonyms, so the same ones are scored.
        assertThat(((ChampionCheck.Scored) warehouse.champion(PurposeRole.MARKET_MONITORING, PeerGold.ALL)).scores())
                .isEqualTo(scored.scores());
        // A purpose that sees counts only is told which model ranks, with nothing to match one by one.
        ChampionCheck counts = warehouse.champion(PurposeRole.RESEARCH, PeerGold.ALL);
        assertThat(counts).isInstanceOfSatisfying(ChampionCheck.Scored.class, s -> {
            assertThat(s.model().version()).isEqualTo(version);
            assertThat(s.scores()).isEmpty();
        });
    }

    @Test
    @Order(3)
    void aNewerChampionThatDidNotScoreTheseFeaturesIsSeenToDisagree() throws Exception {
        List<AnomalyRow> listed = detections(PurposeRole.SETTLEMENT);
        JsonNode featureRows = tables.get("anomaly_features");
        int newer = tables.get("provider_forest").get("model_version").asInt() + 1;
        try (Connection c = runtime.goldConnector().open()) {
            // Published as champion, but the novelty beside the features came from the previous forest.
            insertForest(c, "cat.gold.anomaly_event_iforest", newer, "champion", "2026-06-01T02:00:00+00:00", otherForest);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                JsonNode f = featureRows.get(i);
                rows.add(new Object[] {listed.get(i).anomalyId(), newer, f.get(2).asDouble(), f.get(3).asText()});
            }
            insertFeatures(c, rows);
        }

        ChampionCheck.Scored scored = (ChampionCheck.Scored) warehouse.champion(PurposeRole.SETTLEMENT, PeerGold.ALL);

        assertThat(scored.model().version()).isEqualTo(newer);
        assertThat(scored.scores()).hasSize(listed.size());
        assertThat(scored.agreeing()).isLessThan(listed.size());
        assertThat(scored.largestDifference()).isGreaterThan(1e-3);
    }

    private List<AnomalyRow> detections(PurposeRole role) {
        AnomalyListing listing = warehouse.anomalies(role, PeerGold.ALL);
        assertThat(listing).isInstanceOf(AnomalyListing.Detections.class);
        return ((AnomalyListing.Detections) listing).rows();
    }

    private static void insertForest(Connection c, String name, int version, String alias, String trainedAt, String json)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + GOLD + ".provider_forest VALUES"
                + " (?, CAST(? AS INT), ?, CAST(? AS TIMESTAMP), 'run-0123', 1, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            ps.setString(3, alias);
            ps.setString(4, trainedAt);
            ps.setString(5, json);
            ps.executeUpdate();
        }
    }

    private static void insertFeatures(Connection c, List<Object[]> rows) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO " + GOLD + ".anomaly_features VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, CAST(? AS INT), CAST(? AS DOUBLE), ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] row : rows) {
                ps.setString(p++, (String) row[0]);
                ps.setInt(p++, (Integer) row[1]);
                // As text: Double.toString round-trips, whatever the driver does with a double parameter.
                ps.setString(p++, Double.toString((Double) row[2]));
                ps.setString(p++, (String) row[3]);
            }
            ps.executeUpdate();
        }
    }
}
