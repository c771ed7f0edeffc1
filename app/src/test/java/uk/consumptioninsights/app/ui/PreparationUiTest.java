package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.parseCount;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
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
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel.WorkspaceState;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;

/**
 * First launch on an empty data home: the window shows at once in a preparing state, Esc cancels the build, the
 * cancelled workspace is never shown as data, and F5 builds it again.
 */
@ExtendWith(ApplicationExtension.class)
class PreparationUiTest {

    /** Large enough that the build is still generating when Esc arrives. */
    private static final String METERS = "1500";

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, METERS, "20");
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), Settings.inMemory(), source -> source);
        WorkbenchWindow.show(stage, context, () -> { });
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void escCancelsTheFirstBuildWhichIsNeverShownAndF5BuildsAgain(FxRobot robot) throws Exception {
        assertThat(fx(() -> context.shell().state())).isEqualTo(WorkspaceState.PREPARING);
        assertThat(fx(() -> robot.lookup("#preparingOverlay").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#mainTabs").query().isVisible())).isFalse();
        assertThat(text(robot, "#preparingTitle")).isEqualTo("Preparing local workspace…");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> context.runner().activity().messageProperty().get().startsWith("Generating half-hourly readings")));
        assertThat(text(robot, "#statusMessage")).startsWith("Generating half-hourly readings");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> context.shell().state() == WorkspaceState.CANCELLED));

        assertThat(text(robot, "#preparingTitle")).isEqualTo("Preparation cancelled");
        assertThat(text(robot, "#preparingMessage")).contains("no data to show");
        assertThat(fx(() -> robot.lookup("#mainTabs").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#retryButton").query().isVisible())).isTrue();
        assertThat(fx(() -> context.session().query())).isNull();
        assertThat(text(robot, "#kpiDistinctMeters")).isEqualTo("—");
        // The builder stops at its next safe point and leaves the workspace marked as not complete.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.workspace().workspace().isPresent()
                && context.workspace().workspace().get().status() == WorkspaceStatus.BUILDING);

        robot.push(KeyCode.F5);
        awaitSettled(context, 300);

        assertThat(context.workspace().workspace().get().status()).isEqualTo(WorkspaceStatus.READY);
        assertThat(fx(() -> robot.lookup("#mainTabs").query().isVisible())).isTrue();
        assertThat(parseCount(text(robot, "#kpiDistinctMeters"))).isEqualTo(Long.parseLong(METERS));
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }
}
