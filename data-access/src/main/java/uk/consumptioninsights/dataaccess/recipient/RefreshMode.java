package uk.consumptioninsights.dataaccess.recipient;

import java.util.Locale;

/** How a shared table's local copy was brought to a version: its changes applied, or replaced whole. */
public enum RefreshMode {
    CHANGES,
    SNAPSHOT;

    /** As stored in {@code meta.share_refreshes.mode}. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefreshMode ofStored(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
