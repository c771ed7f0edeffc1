package uk.consumptioninsights.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.controls.UncaughtFailures;

/**
 * The JavaFX application: one window over one {@link AppContext}. Started with the path of a .csv or .csv.gz file, it
 * imports that file once the window has a source to fall back on; with a .share profile, it opens that share. Files a
 * later launch (or macOS) asks to open take the same path.
 */
public final class WorkbenchApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);

    private AppContext context;

    @Override
    public void start(Stage stage) {
        UncaughtFailures.install(() -> stage.isShowing() ? stage : null);
        try {
            context = AppContext.create();
        } catch (java.nio.file.InvalidPathException | java.io.UncheckedIOException e) {
            String message = StartupFailure.message(e);
            LOG.error("{}", message, e);
            StartupFailure.show(message);
            Platform.exit();
            return;
        }
        LOG.info("Starting; workspace {}", context.config().workspaceFile());
        Runnable quit = () -> {
            stage.close(); // fires onHiding, which remembers the window size
            Platform.exit();
        };
        StartupMilestones.watch(stage, context, quit);
        WorkbenchWindow.show(stage, context, quit);
        open(getParameters().getRaw(), "the command line");
        Launcher.openRequests().handleWith(arguments -> Platform.runLater(() -> {
            stage.toFront();
            open(arguments, "a later launch");
        }));
    }

    private void open(List<String> arguments, String from) {
        AppConfig.csvToImport(arguments).ifPresent(file -> {
            LOG.info("Importing {} from {}", file, from);
            context.importer().importWhenReady(file);
        });
        AppConfig.profileToOpen(arguments).ifPresent(profile -> {
            LOG.info("Opening the share profile {} from {}", profile, from);
            context.shares().openWhenReady(profile);
        });
    }

    @Override
    public void stop() {
        if (context != null) {
            LOG.info("Stopping");
            context.close();
        }
    }
}
