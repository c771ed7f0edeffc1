package uk.consumptioninsights.app.sharing;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.consumptioninsights.dataaccess.recipient.RefreshMode;
import uk.consumptioninsights.dataaccess.recipient.ShareRefresh;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * One row of a share's refresh history as the table shows it.
 *
 * @param how  "Changes" or "Snapshot"
 * @param rows e.g. "1,204 changed (1,000 added, 200 updated, 4 removed)" or "1,234,560 rows"
 * @param note why a snapshot was taken, or how much was downloaded
 */
public record RefreshHistoryItem(String table, String when, String how, String versions, String rows, String note) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);

    public static RefreshHistoryItem of(ShareRefresh refresh) {
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.UK);
        String name = refresh.table().substring(refresh.table().lastIndexOf('.') + 1);
        String versions = (refresh.fromVersion().isPresent() ? refresh.fromVersion().getAsLong() + " → " : "→ ")
                + refresh.toVersion();
        boolean changes = refresh.mode() == RefreshMode.CHANGES;
        String rows = changes
                ? grouped.format(refresh.changedRows()) + " changed (" + grouped.format(refresh.inserted()) + " added, "
                        + grouped.format(refresh.updated()) + " updated, " + grouped.format(refresh.deleted()) + " removed)"
                : grouped.format(refresh.inserted()) + (refresh.inserted() == 1 ? " row" : " rows");
        String downloaded = refresh.bytesDownloaded().isPresent()
                ? String.format(Locale.UK, "%.1f MB downloaded", refresh.bytesDownloaded().getAsLong() / 1_000_000.0) : "";
        String note = changes || refresh.reason().isEmpty() ? downloaded
                : refresh.reason() + (downloaded.isEmpty() ? "" : "; " + downloaded);
        return new RefreshHistoryItem(name, WHEN.format(refresh.refreshedAt().atZone(SettlementCalendar.LONDON)),
                changes ? "Changes" : "Snapshot", versions, rows, note);
    }
}
