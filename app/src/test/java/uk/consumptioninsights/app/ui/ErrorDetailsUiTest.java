package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.snapshot;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
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
import uk.consumptioninsights.app.controls.UncaughtFailures;
import uk.consumptioninsights.app.logging.LogDirectory;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.dataaccess.source.SourceException;

/** A source that fails, and an exception nobody catches, both end in the details dialog with the log folder. */
@ExtendWith(ApplicationExtension.class)
class ErrorDetailsUiTest {

    private static final AtomicReference<RuntimeException> FAULT = new AtomicReference<>();
    private static final String BROKEN = "Could not compute the overview from the local workspace. The workspace file may "
            + "be damaged or in use by another copy of the workbench; close other copies, or rebuild the workspace.";

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, "60", "7");
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage started) {
        stage = started;
        context = AppContext.create(AppConfig.fromSystemProperties(), Settings.inMemory(), source -> new FaultySource(source, FAULT));
        WorkbenchWindow.show(stage, context, () -> { });
    }

    @Stop
    void stop() {
        FAULT.set(null);
        context.close();
    }

    @Test
    void aFailingSourceLeadsFromTheBannerToTheDetailsWithTheLogFolder(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        FAULT.set(new SourceException(BROKEN));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorBanner").query().isVisible()));
        awaitSettled(context, 60);

        robot.clickOn("#errorDetailsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorDetails").tryQuery().isPresent()));
        String logFolder = LogDirectory.current().toString();
        assertThat(fx(() -> robot.lookup("#errorWhatHappened").queryAs(Label.class).getText())).isEqualTo(BROKEN);
        assertThat(fx(() -> robot.lookup("#errorWhatToDo").queryAs(Label.class).getText())).contains("press F5", "log folder");
        assertThat(fx(() -> robot.lookup("#errorLogFolder").queryAs(Label.class).getText())).contains(logFolder);
        assertThat(fx(() -> robot.lookup("#errorDetailsText").queryAs(TextArea.class).getText()))
                .contains("Action: ", SourceException.class.getName(), "Log folder: " + logFolder);
        Scene dialog = fx(() -> robot.lookup("#errorDetails").query().getScene());
        snapshot(dialog, "error-details");

        robot.clickOn("#copyErrorDetails");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).startsWith("What happened: " + BROKEN).contains(logFolder);
        robot.clickOn("#closeErrorDetails");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#errorDetails").tryQuery().isPresent())).isFalse();
        FAULT.set(null);
    }

    @Test
    void anExceptionNobodyCatchesOpensTheDetails(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            UncaughtFailures.install(() -> stage);
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("a bug");
            }, "settlement-worker");
            worker.start();
            worker.join();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorDetails").tryQuery().isPresent()));
            assertThat(fx(() -> robot.lookup("#errorWhatHappened").queryAs(Label.class).getText()))
                    .contains("IllegalStateException on settlement-worker");
            assertThat(fx(() -> robot.lookup("#errorLogFolder").queryAs(Label.class).getText()))
                    .contains(LogDirectory.current().toString());
            Node close = fx(() -> robot.lookup("#closeErrorDetails").query());
            robot.clickOn(close);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
