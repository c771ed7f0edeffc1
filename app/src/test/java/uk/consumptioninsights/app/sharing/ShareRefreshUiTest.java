package uk.consumptioninsights.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.task.FxTaskRunner;
import uk.consumptioninsights.dataaccess.recipient.RefreshMode;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;
import uk.consumptioninsights.dataaccess.recipient.ShareRefresh;
import uk.consumptioninsights.model.work.Progress;

/**
 * The refresh panel in a window of its own, with a real background runner: the Refresh button (and Enter) runs the
 * refresh off the FX thread and shows what it did, and the history table shows the copy's loads and refreshes.
 */
@ExtendWith(ApplicationExtension.class)
class ShareRefreshUiTest {

    private static final String TABLE = "elexon.curated.consumption_half_hourly";
    private static final ShareRefresh LOADED = new ShareRefresh(TABLE, Instant.parse("2026-12-07T09:00:00Z"),
            OptionalLong.empty(), 41, RefreshMode.SNAPSHOT, 1_234_560, 0, 0, OptionalLong.empty(), 2.5,
            "loaded from the share");
    private static final ShareRefresh CHANGED = new ShareRefresh(TABLE, Instant.parse("2026-12-07T10:30:00Z"),
            OptionalLong.of(41), 42, RefreshMode.CHANGES, 1_000, 4, 200, OptionalLong.of(3_400_000), 0.8, "");

    private final List<ShareRefresh> history = new CopyOnWriteArrayList<>(List.of(LOADED));
    private final List<String> refreshThreads = new CopyOnWriteArrayList<>();
    private final SimpleObjectProperty<OpenedShare> shown = new SimpleObjectProperty<>();
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setOnHiding(null);
        stage.setOnCloseRequest(null);
        runner = new FxTaskRunner(1);
        ShareRefresher refresher = new ShareRefresher() {
            @Override
            public List<RefreshOutcome> refresh(OpenedShare share, Progress progress) {
                refreshThreads.add(Thread.currentThread().getName());
                if (history.size() == 1) {
                    history.add(0, CHANGED);
                    return List.of(new RefreshOutcome.ChangesApplied(TABLE, 41, 42, 1_000, 4, 200, 3_400_000));
                }
                return List.of(new RefreshOutcome.UpToDate(TABLE, 42));
            }

            @Override
            public List<ShareRefresh> history(OpenedShare share) {
                return List.copyOf(history);
            }
        };
        ShareRefreshView view = new ShareRefreshView(new ShareRefreshViewModel(refresher, shown, runner, () -> { }));
        Scene scene = new Scene(view.root(), 900, 420);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchWindow.class.getResource(WorkbenchWindow.STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        shown.set(new OpenedShare(null, null, Path.of("elexon.duckdb"), "Loaded"));
    }

    @Stop
    void stop() {
        runner.close();
    }

    @Test
    void theRefreshButtonShowsWhatTheRefreshDidAndEnterRefreshesAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> historyRows(robot) == 1));

        robot.clickOn("#refreshShare");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#refreshMessage").startsWith("1,204"));
        assertThat(text(robot, "#refreshMessage"))
                .isEqualTo("1,204 rows changed since version 41 (now version 42: 1,000 added, 200 updated, 4 removed).");
        assertThat(fx(() -> historyRows(robot))).isEqualTo(2);
        assertThat(refreshThreads).singleElement().asString().doesNotContain("JavaFX Application Thread");

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#refreshMessage").startsWith("Up to date"));
        assertThat(text(robot, "#refreshMessage")).isEqualTo("Up to date at version 42.");
        assertThat(fx(() -> robot.lookup("#refreshShare").query().isDisabled())).isFalse();
    }

    private static int historyRows(FxRobot robot) {
        return robot.lookup("#refreshHistoryTable").queryAs(TableView.class).getItems().size();
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> ((Labeled) robot.lookup(id).query()).getText());
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX read failed", e);
        }
    }
}
