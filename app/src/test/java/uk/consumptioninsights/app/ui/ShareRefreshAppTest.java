package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import uk.consumptioninsights.app.sharing.ShareRefreshViewModel;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * The share's tables keep no change data feed; the provider deletes a day (a new version), and File → Refresh shared
 * tables (Ctrl+Shift+R) reloads the table whole, says why, shows the history and re-reads the figures.
 * {@link ShareChangeFeedRefreshAppTest} is the same with a change data feed.
 */
class ShareRefreshAppTest extends ShareRefreshAppScenario {

    @BeforeAll
    static void serveAShare() throws Exception {
        serve(false);
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
    void refreshBringsTheLoadedShareUpToTheProvidersNewVersion(FxRobot robot) throws Exception {
        ShareRefreshViewModel refresh = loadTheShare();
        long readingsBefore = UiSupport.parseCount(text(robot, "#kpiReadings"));
        long loadedVersion = tables.consumption().version();
        long newVersion = tables.consumption().deletePartition(SharingFixtureData.DEFAULT_LAST_DAY.toString());

        refreshByKeyboard(robot, refresh);

        assertThat(text(robot, "#refreshMessage")).matches("consumption_half_hourly: Reloaded whole at version "
                + newVersion + " \\([0-9,]+ rows\\) because the table has no change data feed; anomalies: Up to date at "
                + "version " + tables.anomalies().version() + "\\.");
        assertThat(fx(() -> robot.lookup("#refreshHistoryTable").queryAs(TableView.class).getItems().size()))
                .as("the first load of both tables and the refresh").isEqualTo(3);
        assertThat(newVersion).isGreaterThan(loadedVersion);
        awaitSettled(context, 120);
        assertThat(UiSupport.parseCount(text(robot, "#kpiReadings"))).isLessThanOrEqualTo(readingsBefore);
    }
}
