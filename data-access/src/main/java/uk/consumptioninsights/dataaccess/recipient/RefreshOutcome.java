package uk.consumptioninsights.dataaccess.recipient;

import java.text.NumberFormat;
import java.util.Locale;

/** What a refresh of one shared table did, with the sentence the app shows for it. */
public sealed interface RefreshOutcome {

    /** {@code share.schema.table} */
    String table();

    /** e.g. "1,204 rows changed since version 41". */
    String summary();

    /** Only the changes since {@code fromVersion} were applied; an updated row counts once. */
    record ChangesApplied(String table, long fromVersion, long toVersion, long inserted, long deleted, long updated,
                          long bytesDownloaded) implements RefreshOutcome {

        public long changedRows() {
            return inserted + deleted + updated;
        }

        @Override
        public String summary() {
            long changed = changedRows();
            return grouped(changed) + (changed == 1 ? " row" : " rows") + " changed since version " + fromVersion
                    + " (now version " + toVersion + ": " + grouped(inserted) + " added, " + grouped(updated)
                    + " updated, " + grouped(deleted) + " removed)";
        }
    }

    /** The table was replaced whole by its {@code version}, because {@code reason}. */
    record SnapshotLoaded(String table, long version, long rows, String reason) implements RefreshOutcome {

        @Override
        public String summary() {
            return "Reloaded whole at version " + version + " (" + grouped(rows) + (rows == 1 ? " row" : " rows")
                    + ") because " + reason;
        }
    }

    /** The share has no newer version than the copy. */
    record UpToDate(String table, long version) implements RefreshOutcome {

        @Override
        public String summary() {
            return "Up to date at version " + version;
        }
    }

    private static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }
}
