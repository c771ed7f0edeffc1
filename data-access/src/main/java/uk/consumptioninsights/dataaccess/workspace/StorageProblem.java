package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the machine refused to store or open something, read from the failure itself (Java's file exceptions, or the
 * operating system's words in DuckDB's "IO Error" messages), so that each refusal gets its own sentence and what to do
 * about it instead of one guess for all of them.
 */
public enum StorageProblem {

    /** The disk (or the quota) is full. */
    NO_SPACE("the disk is full", "Free some space on that disk (or choose a data folder on another one) and try again"),
    /** The folder is on a read-only file system (a mounted image, a locked drive). */
    READ_ONLY("the folder is on a read-only disk",
            "Choose a data folder on a writable disk (set ciw.home or CIW_HOME) and try again"),
    /** The user may not write there. */
    PERMISSION("the system refused this user access to the file or folder",
            "Choose a file or data folder you own (for the data folder, set ciw.home or CIW_HOME), or ask for access"),
    /** Another process holds the workspace's lock. */
    LOCK_HELD("another copy of the workbench is using it",
            "Close the other copy (or wait for it to finish) and try again"),
    /** The path cannot be represented in the platform's file-name encoding (e.g. non-ASCII names under LANG=C). */
    PATH_NOT_REPRESENTABLE("its path has characters this system's language setting cannot represent",
            "Start the workbench with a UTF-8 locale (e.g. LANG=C.UTF-8), or choose a data folder whose path has only "
                    + "plain letters and digits"),
    /** The path holds a '?', under which the database engine misnames its write-ahead log. */
    PATH_WITH_QUESTION_MARK("its path contains a '?', under which the database engine cannot keep a workspace",
            "Choose a data folder whose path has no '?' (set ciw.home or CIW_HOME)");

    /** The reason given for a path refused because of its '?'. */
    public static final String QUESTION_MARK_REASON = "a workspace path may not contain '?'";

    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");
    private static final int MAX_DEPTH = 20;

    private final String cause;
    private final String remedy;

    StorageProblem(String cause, String remedy) {
        this.cause = cause;
        this.remedy = remedy;
    }

    /** The problem behind {@code error} or any of its causes and suppressed failures, if it is one of these. */
    public static Optional<StorageProblem> of(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            Optional<StorageProblem> found = classify(t);
            if (found.isPresent()) {
                return found;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                found = classify(suppressed);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StorageProblem> classify(Throwable t) {
        if (t instanceof InvalidPathException invalid) {
            return Optional.of(QUESTION_MARK_REASON.equals(invalid.getReason()) ? PATH_WITH_QUESTION_MARK
                    : PATH_NOT_REPRESENTABLE);
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return Optional.of(READ_ONLY);
        }
        if (t instanceof AccessDeniedException) {
            return Optional.of(PERMISSION);
        }
        String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (text.contains("no space left on device") || text.contains("not enough space on the disk")
                || text.contains("disk quota exceeded")) {
            return Optional.of(NO_SPACE);
        }
        if (text.contains("read-only file system")) {
            return Optional.of(READ_ONLY);
        }
        if (text.contains("could not set lock on file") || text.contains("conflicting lock is held")) {
            return Optional.of(LOCK_HELD);
        }
        if (text.contains("permission denied") || text.contains("access is denied")
                || text.contains("operation not permitted")) {
            return Optional.of(PERMISSION);
        }
        if (text.contains("malformed input or input contains unmappable characters")) {
            return Optional.of(PATH_NOT_REPRESENTABLE);
        }
        return Optional.empty();
    }

    /**
     * One message: "{@code what} failed: the disk is full. Free some space …". {@code error} adds the process holding a
     * lock where DuckDB names it.
     */
    public String explain(String what, Throwable error) {
        return what + " failed: " + because(error) + ". " + remedy + ".";
    }

    /** One message: "Could not {@code action}: the disk is full. Free some space …". */
    public String couldNot(String action, Throwable error) {
        return "Could not " + action + ": " + because(error) + ". " + remedy + ".";
    }

    private String because(Throwable error) {
        String because = cause;
        if (this == LOCK_HELD) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                Matcher pid = LOCK_PID.matcher(t.getMessage() == null ? "" : t.getMessage());
                if (pid.find()) {
                    because = cause + " (process " + pid.group(1) + ")";
                    break;
                }
            }
        }
        return because;
    }

    /** The cause alone, e.g. "the disk is full". */
    public String cause() {
        return cause;
    }
}
