package uk.consumptioninsights.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.controls.UncaughtFailures;

/**
 * The JavaFX application: one window over one {@link AppContext}. Started with the path of a .csv or .csv.gz file, it
 * imports that file once the window has a source to fall back on.
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
        Optional<Path> csv = AppConfig.csvToImport(getParameters().getRaw());
        WorkbenchWindow.show(stage, context, () -> {
            stage.close(); // fires onHiding, which remembers the window size
            Platform.exit();
        });
        csv.ifPresent(file -> {
            LOG.info("Importing {} from the command line", file);
            context.importer().importWhenReady(file);
        });
        AppConfig.profileToOpen(getParameters().getRaw()).ifPresent(profile -> {
            LOG.info("Opening the share profile {} from the command line", profile);
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
