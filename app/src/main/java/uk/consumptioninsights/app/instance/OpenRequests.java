package uk.consumptioninsights.app.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files the workbench is asked to open after it started: a second launch's arguments (forwarded by
 * {@link SingleInstance}) and macOS open-file events. Requests that arrive before the window can act on them are kept
 * and handed over, in order, once a handler is set.
 */
public final class OpenRequests {

    private final List<List<String>> waiting = new ArrayList<>();
    private Consumer<List<String>> handler;

    /** Hands {@code arguments} (file paths, as a command line names them) to the handler, or keeps them for it. */
    public void deliver(List<String> arguments) {
        Consumer<List<String>> target;
        synchronized (this) {
            if (handler == null) {
                waiting.add(List.copyOf(arguments));
                return;
            }
            target = handler;
        }
        target.accept(List.copyOf(arguments));
    }

    /** Sets who opens the files from now on, and gives it what arrived before. */
    public void handleWith(Consumer<List<String>> opener) {
        List<List<String>> earlier;
        synchronized (this) {
            handler = opener;
            earlier = List.copyOf(waiting);
            waiting.clear();
        }
        earlier.forEach(opener);
    }
}
