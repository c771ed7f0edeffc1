package uk.consumptioninsights.app.common;

import java.nio.file.Path;
import uk.consumptioninsights.app.logging.LogDirectory;

/**
 * A failure told to the analyst: what happened (the banner's sentence), what to do about it, and technical details
 * for whoever supports the workbench (error types, where the log is; never a stack trace, a token or a secret).
 * Built once where the failure is known, then passed on whole; nobody edits its text.
 *
 * @param logFolder where the full record (with the stack trace) was written
 */
public record UserMessage(String whatHappened, String whatToDo, String details, Path logFolder) {

    public static final String SEND_LOG = "If it keeps happening, open the log folder and send the newest log file, "
            + "with what you were doing, to whoever supports the workbench.";
    public static final String TRY_AGAIN = "Try again. " + SEND_LOG;

    /** A sentence that already names the problem, with no error object behind it (e.g. a cancelled step). */
    public static UserMessage plain(String whatHappened) {
        Path logs = LogDirectory.current();
        return new UserMessage(whatHappened, TRY_AGAIN, "Log folder: " + logs, logs);
    }

    /** Everything, in the order the details dialog shows it: for the clipboard. */
    public String copyText() {
        return "What happened: " + whatHappened + "\nWhat to do: " + whatToDo + "\n\n" + details;
    }
}
