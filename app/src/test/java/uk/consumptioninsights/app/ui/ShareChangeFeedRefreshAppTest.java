package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.sharing.ShareRefreshViewModel;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * The share's tables keep a change data feed (history shared); the provider changes one half-hour's readings and
 * deletes another's (two new versions, recorded as change data), and Refresh applies only those changes: it says how
 * many rows changed since the loaded version, and the readings on Overview fall by exactly the rows deleted.
 */
class ShareChangeFeedRefreshAppTest extends ShareRefreshAppScenario {

    @BeforeAll
    static void serveAShare() throws Exception {
        serve(true);
    }

    @Start
    void start(Stage stage) {
        startTheApp(stage);
    }

    @Stop
    void stop() {
        stopTheApp();
    }

    @Test
    void refreshAppliesOnlyTheChangesSinceTheLoadedVersion(FxRobot robot) throws Exception {
        ShareRefreshViewModel refresh = loadTheShare();
        long readingsBefore = UiSupport.parseCount(text(robot, "#kpiReadings"));
        long loadedVersion = tables.consumption().version();
        String day = "settlement_date = DATE '" + SharingFixtureData.DEFAULT_LAST_DAY + "'";
        long newVersion;
        try (Connection provider = FixtureDuckDb.inMemory()) {
            tables.consumption().update(provider, Map.of("kwh", "kwh + 1"), day + " AND settlement_period = 1");
            newVersion = tables.consumption().deleteWhere(provider, day + " AND settlement_period = 2");
        }

        refreshByKeyboard(robot, refresh);

        Matcher summary = Pattern.compile("consumption_half_hourly: ([0-9,]+) rows changed since version " + loadedVersion
                + " \\(now version " + newVersion + ": 0 added, ([0-9,]+) updated, ([0-9,]+) removed\\); anomalies: Up to "
                + "date at version " + tables.anomalies().version() + "\\.").matcher(text(robot, "#refreshMessage"));
        assertThat(summary.matches()).as(text(robot, "#refreshMessage")).isTrue();
        long changed = UiSupport.parseCount(summary.group(1));
        long updated = UiSupport.parseCount(summary.group(2));
        long removed = UiSupport.parseCount(summary.group(3));
        assertThat(updated).isPositive();
        assertThat(removed).isPositive();
        assertThat(changed).isEqualTo(updated + removed);
        assertThat(fx(() -> robot.lookup("#refreshHistoryTable").queryAs(TableView.class).getItems().size()))
                .as("the first load of both tables and the refresh").isEqualTo(3);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> UiSupport.parseCount(text(robot, "#kpiReadings")) == readingsBefore - removed);
    }
}
