package uk.consumptioninsights.app.controls;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.UserMessages;

/**
 * What happens to an exception nobody caught, on any thread: it is logged with its stack trace, and the analyst sees
 * the details dialog (one at a time: a burst of the same failure opens no pile of windows).
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

    private final Supplier<Window> owner;
    private boolean showing;

    private UncaughtFailures(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Makes this the handler of every thread that has none of its own; returns it. */
    public static UncaughtFailures install(Supplier<Window> owner) {
        UncaughtFailures handler = new UncaughtFailures(owner);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on {}", thread.getName(), error);
        String name = thread.getName();
        try {
            Platform.runLater(() -> show(error, name));
        } catch (IllegalStateException toolkitGone) {
            LOG.debug("No window to show the failure in; it is in the log only");
        }
    }

    private void show(Throwable error, String thread) {
        if (showing) {
            return;
        }
        showing = true;
        ErrorDetailsDialog.show(owner.get(), UserMessages.uncaught(error, thread)).setOnHidden(e -> showing = false);
    }
}
