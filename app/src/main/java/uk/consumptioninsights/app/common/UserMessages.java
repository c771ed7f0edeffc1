package uk.consumptioninsights.app.common;

import uk.consumptioninsights.dataaccess.importer.CsvImportException;
import uk.consumptioninsights.dataaccess.source.SourceException;

/** Turns a failure into one sentence for the banner. The stack trace is already in the log, never on screen. */
public final class UserMessages {

    private UserMessages() {
    }

    /**
     * A source's or an import's own message when there is one (both write them for users), otherwise a plain sentence
     * built from {@code action}, e.g. "load the overview".
     */
    public static String describe(Throwable error, String action) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if ((t instanceof SourceException || t instanceof CsvImportException)
                    && t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "Could not " + action + ". Something unexpected went wrong; the details are in the log file.";
    }
}
