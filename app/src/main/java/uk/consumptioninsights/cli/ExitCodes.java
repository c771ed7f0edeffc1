package uk.consumptioninsights.cli;

/** What {@code ciw} exits with; {@link Ciw}'s usage help prints the table, and the README keeps it. */
public final class ExitCodes {

    /** The work was done. */
    public static final int OK = 0;
    /** The work failed for a reason that is neither the arguments nor the data (details in the log). */
    public static final int FAILED = 1;
    /** An unknown command or option, or an argument that is not usable (a file that is not there, a bad date). */
    public static final int USAGE = 2;
    /** The data or its source refused: an unreadable CSV, a workspace another program holds, a sharing server's error. */
    public static final int DATA = 3;
    /** Stopped by Ctrl-C (or SIGTERM) before it finished; no half-done result is used. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
