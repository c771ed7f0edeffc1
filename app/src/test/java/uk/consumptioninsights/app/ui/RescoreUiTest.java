package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.allText;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.AppContext;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.anomalies.AnomaliesViewModel;
import uk.consumptioninsights.app.anomalies.DetectionItem;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * "Rescore locally" in the real app on a small synthetic workspace: the detections table then holds exactly what the
 * settlement view holds for the dates shown, and Research sees counts with no meter identity.
 */
@ExtendWith(ApplicationExtension.class)
class RescoreUiTest {

    static final String METERS = "120";
    static final String DAYS = "30";

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;
    private Scene scene;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, METERS, DAYS);
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), s -> s);
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void rescoringFillsTheTableThroughTheRolesView(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 3);
        assertThat(fx(() -> context.anomalies().isRescoreDisabled())).as("a local workspace can be rescored").isFalse();
        DateRange range = context.session().query().range();

        robot.clickOn("#rescoreButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> context.anomalies().rescoreMessageProperty().get())
                .startsWith("Rescored"));
        awaitSettled(context, 60);

        String summary = text(robot, "#rescoreMessage");
        assertThat(summary).matches("Rescored [0-9,]+ readings in [0-9.]+ s: [0-9,]+ detections? \\(.*\\)\\.");
        // For the report: how long rescoring took as the app shows it.
        Files.writeString(Path.of("target", "rescore-summary.txt"), summary + System.lineSeparator());
        System.out.println("Rescore summary: " + summary);

        long expected = count("SELECT count(*) FROM gold.v_settlement_anomalies WHERE settlement_date BETWEEN ? AND ?",
                range.from(), range.to());
        assertThat(expected).as("detections in the settlement view").isPositive();
        int pageRows = (int) Math.min(expected, AnomaliesViewModel.PAGE_SIZE);
        assertThat(fx(() -> context.anomalies().matchingCount())).isEqualTo((int) expected);
        assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getItems().size())).isEqualTo(pageRows);
        assertThat(fx(() -> robot.lookup("#detectionsTable").query().isVisible())).isTrue();
        assertThat(count("SELECT count(*) FROM gold.anomalies WHERE detector = 'local-rules'")).isPositive();
        assertThat(markers(robot)).as("one chart marker per row of the page").hasSize(pageRows);
        assertThat(fx(() -> markers(robot).stream().map(Node::getUserData).toList()))
                .containsExactlyElementsOf(fx(() -> List.copyOf(context.anomalies().detections())));

        filterAndChooseARow(robot, range);
        compareWithSourceDetections(robot, range);

        robot.clickOn("#roleSelector");
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> research = robot.lookup(".list-cell").match((ListCell<?> c) -> "Research".equals(c.getText())).query();
        robot.clickOn(research);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> context.session().query() != null
                && context.session().query().role() == PurposeRole.RESEARCH));
        awaitSettled(context, 60);
        showTab(robot, 3);

        assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getItems().size())).isZero();
        assertThat(fx(() -> robot.lookup("#countsTable").queryTableView().getItems().size())).isEqualTo((int) count(
                "SELECT count(*) FROM gold.v_research_anomaly_summary WHERE settlement_date BETWEEN ? AND ?",
                range.from(), range.to()));
        Set<String> mpans = new HashSet<>(column("SELECT mpan FROM gold.meters"));
        assertThat(mpans).hasSize(Integer.parseInt(METERS));
        List<String> shown = allText(scene);
        assertThat(shown).isNotEmpty();
        for (String text : shown) {
            for (String mpan : mpans) {
                assertThat(text).as("raw MPAN on the Anomalies tab as Research").doesNotContain(mpan);
            }
        }
    }

    /** Filter by the commonest type through its picker, then click a row and a marker: the detail shows the reason. */
    private void filterAndChooseARow(FxRobot robot, DateRange range) throws Exception {
        String type = column("SELECT anomaly_type FROM gold.v_settlement_anomalies WHERE settlement_date BETWEEN '"
                + range.from() + "' AND '" + range.to() + "' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").get(0);
        AnomalyType commonest = AnomalyType.fromCode(type);
        robot.clickOn("#typeFilter");
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> choice = robot.lookup(".list-cell").match((ListCell<?> c) -> commonest.label().equals(c.getText())).query();
        robot.clickOn(choice);
        WaitForAsyncUtils.waitForFxEvents();
        long ofType = count("SELECT count(*) FROM gold.v_settlement_anomalies WHERE settlement_date BETWEEN ? AND ? "
                + "AND anomaly_type = ?", range.from(), range.to(), type);
        assertThat(fx(() -> context.anomalies().matchingCount())).isEqualTo((int) ofType);
        List<DetectionItem> page = fx(() -> List.copyOf(context.anomalies().detections()));
        assertThat(page).isNotEmpty().allSatisfy(d -> assertThat(d.anomalyType()).isEqualTo(commonest));
        assertThat(markers(robot)).hasSize(page.size());

        Node firstRow = robot.lookup("#detectionsTable .table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0).query();
        robot.clickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        DetectionItem chosen = page.get(0);
        assertThat(fx(() -> context.anomalies().selectedProperty().get())).isEqualTo(chosen);
        String reason = column("SELECT reason FROM gold.v_settlement_anomalies WHERE anomaly_id = '"
                + chosen.row().anomalyId() + "'").get(0);
        assertThat(text(robot, "#detailReason")).isEqualTo(reason);
        assertThat(text(robot, "#detailFacts")).contains(chosen.meter());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> !context.anomalies().detail().flaggedProperty().get().isEmpty()));

        // Markers of detections that start together overlap: the click goes to the top-most marker under the pointer.
        List<Node> drawn = markers(robot);
        Node aimed = drawn.stream().filter(m -> !chosen.equals(fx(() -> topMostAt(m).getUserData()))).findFirst()
                .orElseThrow();
        robot.clickOn(aimed);
        WaitForAsyncUtils.waitForFxEvents();
        DetectionItem markerRow = (DetectionItem) fx(() -> topMostAt(aimed).getUserData());
        assertThat(markerRow).isNotEqualTo(chosen);
        assertThat(fx(() -> context.anomalies().selectedProperty().get())).isEqualTo(markerRow);
        assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getSelectionModel().getSelectedItem()))
                .isEqualTo(markerRow);
        assertThat(text(robot, "#detailReason")).isEqualTo(markerRow.row().reason());
        robot.clickOn("#clearFilters");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A detection that came with the source, overlapping a local one: the comparison finds them both. */
    private void compareWithSourceDetections(FxRobot robot, DateRange range) throws Exception {
        try (Connection c = context.workspace().newConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO gold.anomalies
                    SELECT 'PRV-1', mpan, gsp_group, anomaly_type, severity, 0.5, settlement_date, interval_start_utc,
                           interval_end_utc, NULL, NULL, 'provider model', 'provider-forest', now()::TIMESTAMP, NULL
                    FROM gold.anomalies WHERE detector = 'local-rules' ORDER BY anomaly_id LIMIT 1""");
        }
        robot.push(KeyCode.F5);
        awaitSettled(context, 60);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> context.anomalies().comparisonProperty().get().comparable()));
        assertThat(text(robot, "#comparisonMessage")).startsWith("Agreement ");
        assertThat(fx(() -> context.anomalies().matchingDetections().stream()
                .filter(d -> d.row().anomalyId().equals("PRV-1")).map(DetectionItem::foundBy).toList()))
                .containsExactly("Source · local agrees");
    }

    /** The marker drawn on top at {@code aimed}'s centre (its parent paints later children over earlier ones). */
    private static Node topMostAt(Node aimed) {
        javafx.geometry.Bounds b = aimed.getBoundsInParent();
        double x = b.getCenterX();
        double y = b.getCenterY();
        List<Node> siblings = aimed.getParent().getChildrenUnmodifiable();
        for (int i = siblings.size() - 1; i >= 0; i--) {
            Node n = siblings.get(i);
            if (n.getStyleClass().contains("anomaly-marker") && n.getBoundsInParent().contains(x, y)) {
                return n;
            }
        }
        return aimed;
    }

    private static List<Node> markers(FxRobot robot) {
        return List.copyOf(robot.lookup("#anomalyChart .anomaly-marker").queryAll());
    }

    private void showTab(FxRobot robot, int number) {
        robot.push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + number));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#mainTabs").query();
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedIndex())).isEqualTo(number - 1);
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return fx(() -> ((Labeled) node).getText());
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = context.workspace().newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = context.workspace().newConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
