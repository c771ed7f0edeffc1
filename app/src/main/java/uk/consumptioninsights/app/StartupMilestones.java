package uk.consumptioninsights.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.sharing.ShareViewModel;

/**
 * Logs when the window is first shown, when the Overview first shows figures, and when an opened share's tables are
 * listed, each with the time since the JVM started, read from the view-models the window shows (so the installed-app
 * checks and the start-up benchmark see what a user sees). With the environment variable {@value #BENCHMARK_ENV} set,
 * the workbench quits once the Overview has data, so a benchmark can start it again.
 */
final class StartupMilestones {

    static final String BENCHMARK_ENV = "CIW_STARTUP_BENCHMARK";
    private static final Logger LOG = LoggerFactory.getLogger(StartupMilestones.class);

    private StartupMilestones() {
    }

    static void watch(Stage stage, AppContext context, Runnable quit) {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        boolean benchmark = System.getenv(BENCHMARK_ENV) != null;
        once(stage.showingProperty(), Boolean::booleanValue, shown ->
                // The next turn of the FX thread comes after the first pulse has laid out and drawn the window.
                Platform.runLater(() -> {
                    long ms = since(jvmStart);
                    LOG.info("Window shown {} ms after the JVM started", ms);
                }));
        once(context.overview().readingsProperty(), readings -> !Formats.NONE.equals(readings), readings -> {
            long ms = since(jvmStart);
            LOG.info("Overview shows data ({} readings) {} ms after the JVM started", readings, ms);
            if (benchmark) {
                Platform.runLater(quit);
            }
        });
        ShareViewModel shares = context.shares();
        // The share browser's tree shows the catalogue it is given; a new profile always brings a new catalogue.
        shares.catalogProperty().addListener((o, old, catalog) -> {
            if (catalog != null && shares.browserOpenProperty().get()) {
                LOG.info("Share browser shows {}: {} tables listed", catalog.profile().getFileName(), catalog.tables().size());
            }
        });
    }

    private static long since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static <T> void once(ObservableValue<T> value, java.util.function.Predicate<T> when,
                                 java.util.function.Consumer<T> then) {
        value.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends T> observable, T old, T now) {
                if (now != null && when.test(now)) {
                    value.removeListener(this);
                    then.accept(now);
                }
            }
        });
    }
}
