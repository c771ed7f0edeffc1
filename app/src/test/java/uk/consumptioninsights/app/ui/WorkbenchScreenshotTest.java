package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
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
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Writes target/screenshots/&lt;tab&gt;.png for people to look at; not compared pixel by pixel. Uses a larger fleet
 * than the UI test so the chart has a shape worth looking at.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchScreenshotTest {

    private static final AtomicReference<RuntimeException> FAULT = new AtomicReference<>();

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;
    private Scene scene;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, "400", "28");
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), Settings.inMemory(), source -> new FaultySource(source, FAULT));
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void everyTabAsAPicture(FxRobot robot) throws Exception {
        if (fx(() -> context.shell().state() == ShellViewModel.WorkspaceState.PREPARING)) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> context.runner().activity().progressProperty().get() > 0.05
                    || context.shell().state() != ShellViewModel.WorkspaceState.PREPARING));
            snapshot(scene, "preparing");
        }
        awaitSettled(context, 300);

        String[] tabs = {"overview", "consumption", "anomalies", "governance"};
        for (int i = 0; i < tabs.length; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + (i + 1)));
            awaitSettled(context, 60);
            Path file = snapshot(scene, tabs[i]);
            assertThat(Files.size(file)).isPositive();
        }

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        robot.clickOn("#zoomIn").clickOn("#zoomIn");
        awaitSettled(context, 60);
        snapshot(scene, "consumption-zoomed");

        robot.clickOn("#roleSelector");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((ListCell<?>) robot.lookup(".list-cell").match((ListCell<?> c) -> "Research".equals(c.getText())).query());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> context.session().query().role() == PurposeRole.RESEARCH));
        awaitSettled(context, 60);
        for (int i = 0; i < tabs.length; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + (i + 1)));
            awaitSettled(context, 60);
            snapshot(scene, tabs[i] + "-research");
        }

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        FAULT.set(new SourceException("Could not compute the overview from the local workspace. The workspace file may "
                + "be damaged or in use by another copy of the workbench; close other copies, or rebuild the workspace."));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorBanner").query().isVisible()));
        awaitSettled(context, 60);
        snapshot(scene, "error-banner");
        FAULT.set(null);
    }
}
