package uk.consumptioninsights.dataaccess.recipient;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One load or refresh of a shared table in a recipient workspace, as {@code meta.share_refreshes} keeps it. A snapshot
 * counts its rows as inserted and the rows it replaced as deleted; a change set counts an update (a pre- and
 * post-image pair) once, as updated.
 *
 * @param table           {@code share.schema.table}
 * @param fromVersion     the version cached before; empty when nothing was
 * @param bytesDownloaded empty when the loader did not say
 * @param reason          why a snapshot was taken (empty for changes)
 */
public record ShareRefresh(String table, Instant refreshedAt, OptionalLong fromVersion, long toVersion, RefreshMode mode,
                           long inserted, long deleted, long updated, OptionalLong bytesDownloaded, double seconds,
                           String reason) {

    public ShareRefresh {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(refreshedAt, "refreshedAt");
        Objects.requireNonNull(mode, "mode");
        reason = reason == null ? "" : reason;
    }

    /** Rows that differ from the copy before: an updated row counts once. */
    public long changedRows() {
        return inserted + deleted + updated;
    }
}
