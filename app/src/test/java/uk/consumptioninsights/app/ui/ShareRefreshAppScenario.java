package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.AppContext;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.app.sharing.ShareRefreshViewModel;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * The real app, wired as shipped, with a share served from the loopback protocol fixture: what the Refresh tests have in
 * common (serving the share, loading it, pressing Ctrl+Shift+R and waiting for the answer).
 */
@ExtendWith(ApplicationExtension.class)
abstract class ShareRefreshAppScenario {

    private static final String TOKEN = "dapi-refresh-test-token-0123456789";

    @TempDir
    static Path home;
    @TempDir
    static Path shareDir;
    private static String prefsNode;
    private static DeltaSharingServerFixture server;
    static SharingFixtureData.SharedTables tables;
    private static Path profile;

    AppContext context;

    /** Serves both tables, with or without change data feed (history shared only with it), and writes a profile. */
    static void serve(boolean changeDataFeed) throws Exception {
        prefsNode = AppUnderTest.configure(home, "20", "3");
        Path dir = shareDir.resolve("share");
        tables = changeDataFeed ? SharingFixtureData.generatedWithChangeDataFeed(dir, SharingFixtureData.Size.ui())
                : SharingFixtureData.generated(dir, SharingFixtureData.Size.ui());
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(10));
        tables.shareOn(server, changeDataFeed);
        profile = server.writeProfile(shareDir.resolve("elexon.share"),
                server.profileV1Json(Instant.now().plus(Duration.ofDays(30))));
    }

    @AfterAll
    static void stopServing() throws Exception {
        server.close();
        AppUnderTest.restore(prefsNode);
    }

    /** The app as shipped; subclasses call this from their {@code @Start} (TestFX looks there only). */
    void startTheApp(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), s -> s,
                AppContext.ProviderWiring.system(), AppContext.RecipientWiring.system());
        WorkbenchWindow.show(stage, context, () -> { });
    }

    void stopTheApp() {
        context.close();
    }

    /** Opens the profile and loads the share; returns the Refresh window's view-model. */
    ShareRefreshViewModel loadTheShare() throws Exception {
        awaitSettled(context, 300);
        WaitForAsyncUtils.asyncFx(() -> context.shares().openProfile(profile)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> context.shares().canLoadProperty().get()));
        WaitForAsyncUtils.asyncFx(() -> context.shares().load()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !context.shares().loadingProperty().get()));
        assertThat(fx(() -> context.shares().failedProperty().get())).as(fx(() -> context.shares().messageProperty().get()))
                .isFalse();
        awaitSettled(context, 120);
        return context.shareRefresh().orElseThrow();
    }

    /** Presses Ctrl+Shift+R and waits until the refresh has answered, which must not be a failure. */
    static void refreshByKeyboard(FxRobot robot, ShareRefreshViewModel refresh) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !refresh.refreshingProperty().get()
                && !refresh.messageProperty().get().startsWith("Asking")));
        assertThat(fx(() -> refresh.failedProperty().get())).as(fx(() -> refresh.messageProperty().get())).isFalse();
    }

    static String text(FxRobot robot, String id) {
        return fx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }
}
