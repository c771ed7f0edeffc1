package uk.consumptioninsights.app.instance;

import java.awt.Desktop;
import java.io.File;
import java.util.Locale;

/**
 * On macOS a double-clicked {@code .share} reaches a running (or starting) app as an Apple event, not as an argument;
 * the only API for it is AWT's {@link Desktop}, used here and nowhere else.
 */
public final class MacOpenFileEvents {

    private MacOpenFileEvents() {
    }

    /** Hands files macOS asks the app to open to {@code requests}; does nothing on other systems. */
    public static void forwardTo(OpenRequests requests) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
            Desktop.getDesktop().setOpenFileHandler(event ->
                    requests.deliver(event.getFiles().stream().map(File::getAbsolutePath).toList()));
        }
    }
}
