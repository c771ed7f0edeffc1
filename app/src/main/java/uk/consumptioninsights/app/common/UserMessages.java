package uk.consumptioninsights.app.common;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.app.logging.LogDirectory;
import uk.consumptioninsights.dataaccess.importer.CsvImportException;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.StorageProblem;

/**
 * Turns a failure into a {@link UserMessage}: one sentence for the banner, what to do, and details for support. The
 * stack trace is already in the log, never on screen.
 */
public final class UserMessages {

    private UserMessages() {
    }

    /**
     * A source's or an import's own message when there is one (both write them for users, naming what failed); else
     * the machine's refusal (disk full, read-only, no access, lock held, unrepresentable path) in its own words when
     * that is the cause; otherwise a plain sentence built from {@code action}, e.g. "load the overview".
     */
    public static String describe(Throwable error, String action) {
        return of(error, action).whatHappened();
    }

    /** The whole message for a failure of {@code action}; {@link #describe} is its first sentence. */
    public static UserMessage of(Throwable error, String action) {
        Path logs = LogDirectory.current();
        return new UserMessage(sentence(error, action), whatToDo(error), details(error, action, logs), logs);
    }

    /** A failure nobody caught, on {@code thread}: the program itself went wrong, not the analyst's data. */
    public static UserMessage uncaught(Throwable error, String thread) {
        Path logs = LogDirectory.current();
        return new UserMessage("Something unexpected went wrong in the workbench (" + error.getClass().getSimpleName()
                + " on " + thread + "). What you see may be out of date.",
                "Save or note what you need, then restart the workbench. " + UserMessage.TRY_AGAIN,
                details(error, "run " + thread, logs), logs);
    }

    private static String whatToDo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SourceException || t instanceof CsvImportException) {
                return "Do what the message above says, then press F5 to load the tabs again. " + UserMessage.SEND_LOG;
            }
        }
        if (StorageProblem.of(error).isPresent()) {
            return "Fix what the message above names on this computer, then try again. " + UserMessage.SEND_LOG;
        }
        return UserMessage.TRY_AGAIN;
    }

    /** Types only, never messages: a driver's or server's own message may quote a URL with a token in it. */
    private static String details(Throwable error, String action, Path logs) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 8; t = t.getCause()) {
            chain.add(t.getClass().getName());
        }
        return "Action: " + action + "\nError: " + String.join(" <- caused by ", chain)
                + "\nAt: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\nLog folder: " + logs;
    }

    private static String sentence(Throwable error, String action) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if ((t instanceof SourceException || t instanceof CsvImportException)
                    && t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        Optional<StorageProblem> refused = StorageProblem.of(error);
        if (refused.isPresent()) {
            return refused.get().couldNot(action, error);
        }
        return "Could not " + action + ". Something unexpected went wrong; the details are in the log file in "
                + LogDirectory.current() + ".";
    }
}
