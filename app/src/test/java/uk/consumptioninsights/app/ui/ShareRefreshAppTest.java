package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
import uk.consumptioninsights.app.sharing.ShareRefreshViewModel;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * The real app, wired as shipped, loads a share from the loopback protocol fixture whose tables keep no change data
 * feed; the provider then deletes a day (a new version), and File → Refresh shared tables (Ctrl+Shift+R) reloads the
 * table whole, says why, shows the history and re-reads the figures. {@link ShareChangeFeedRefreshAppTest} is the same
 * with a change data feed.
 */
@ExtendWith(ApplicationExtension.class)
class ShareRefreshAppTest {

    private static final String TOKEN = "dapi-refresh-test-token-0123456789";

    @TempDir
    static Path home;
    @TempDir
    static Path shareDir;
    private static String prefsNode;
    private static DeltaSharingServerFixture server;
    private static SharingFixtureData.SharedTables tables;
    private static Path profile;

    private AppContext context;

    @BeforeAll
    static void serveAShare() throws Exception {
        prefsNode = AppUnderTest.configure(home, "20", "3");
        tables = SharingFixtureData.generated(shareDir.resolve("share"), SharingFixtureData.Size.ui());
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(10));
        tables.shareOn(server, false);
        profile = server.writeProfile(shareDir.resolve("elexon.share"),
                server.profileV1Json(Instant.now().plus(Duration.ofDays(30))));
    }

    @AfterAll
    static void stopServing() throws Exception {
        server.close();
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), s -> s,
                AppContext.ProviderWiring.system(), AppContext.RecipientWiring.system());
        WorkbenchWindow.show(stage, context, () -> { });
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void refreshBringsTheLoadedShareUpToTheProvidersNewVersion(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        WaitForAsyncUtils.asyncFx(() -> context.shares().openProfile(profile)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> context.shares().canLoadProperty().get()));
        WaitForAsyncUtils.asyncFx(() -> context.shares().load()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !context.shares().loadingProperty().get()));
        assertThat(fx(() -> context.shares().failedProperty().get())).as(fx(() -> context.shares().messageProperty().get()))
                .isFalse();
        awaitSettled(context, 120);
        ShareRefreshViewModel refresh = context.shareRefresh().orElseThrow();
        long readingsBefore = UiSupport.parseCount(text(robot, "#kpiReadings"));
        long loadedVersion = tables.consumption().version();
        long newVersion = tables.consumption().deletePartition(SharingFixtureData.DEFAULT_LAST_DAY.toString());

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !refresh.refreshingProperty().get()
                && !refresh.messageProperty().get().startsWith("Asking")));
        assertThat(fx(() -> refresh.failedProperty().get())).as(fx(() -> refresh.messageProperty().get())).isFalse();
        assertThat(text(robot, "#refreshMessage")).matches("consumption_half_hourly: Reloaded whole at version "
                + newVersion + " \\([0-9,]+ rows\\) because the table has no change data feed; anomalies: Up to date at "
                + "version " + tables.anomalies().version() + "\\.");
        assertThat(fx(() -> robot.lookup("#refreshHistoryTable").queryAs(TableView.class).getItems().size()))
                .as("the first load of both tables and the refresh").isEqualTo(3);
        assertThat(newVersion).isGreaterThan(loadedVersion);
        awaitSettled(context, 120);
        assertThat(UiSupport.parseCount(text(robot, "#kpiReadings"))).isLessThanOrEqualTo(readingsBefore);
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }
}
