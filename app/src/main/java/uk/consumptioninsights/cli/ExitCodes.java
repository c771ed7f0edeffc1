package uk.consumptioninsights.cli;

/** What {@code ciw} exits with; the table is printed by {@code ciw --help} and kept in the README. */
public final class ExitCodes {

    /** The work was done. */
    public static final int OK = 0;
    /** The work failed for a reason that is neither the arguments nor the data (details in the log). */
    public static final int FAILED = 1;
    /** An unknown command or option, or an argument that is not usable (a file that is not there, a bad date). */
    public static final int USAGE = 2;
    /** The data or its source refused: an unreadable CSV, a workspace another program holds, a sharing server's error. */
    public static final int DATA = 3;
    /** Stopped by Ctrl-C (or SIGTERM) before it finished; nothing half-written is kept. */
    public static final int CANCELLED = 130;

    /** For picocli's usage help: code, then what it means. */
    static final String[] TABLE = {
        "0:The work was done.",
        "1:The work failed (details in the log folder).",
        "2:Bad usage: unknown command or option, or an unusable argument.",
        "3:Data or source problem: unreadable file, workspace in use, sharing server refused.",
        "130:Cancelled (Ctrl-C); nothing half-written is kept.",
    };

    private ExitCodes() {
    }
}
