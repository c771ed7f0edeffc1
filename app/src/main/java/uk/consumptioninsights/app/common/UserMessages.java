package uk.consumptioninsights.app.common;

import java.util.Optional;
import uk.consumptioninsights.app.logging.LogDirectory;
import uk.consumptioninsights.dataaccess.importer.CsvImportException;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.StorageProblem;

/** Turns a failure into one sentence for the banner. The stack trace is already in the log, never on screen. */
public final class UserMessages {

    private UserMessages() {
    }

    /**
     * A source's or an import's own message when there is one (both write them for users, naming what failed); else
     * the machine's refusal (disk full, read-only, no access, lock held, unrepresentable path) in its own words when
     * that is the cause; otherwise a plain sentence built from {@code action}, e.g. "load the overview".
     */
    public static String describe(Throwable error, String action) {
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
