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
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;

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
        assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getItems().size())).isEqualTo((int) expected);
        assertThat(fx(() -> robot.lookup("#detectionsTable").query().isVisible())).isTrue();
        assertThat(count("SELECT count(*) FROM gold.anomalies WHERE detector = 'local-rules'")).isPositive();

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
