package uk.consumptioninsights.dataaccess.sharing.http;

import java.util.Locale;

/** A size limit as a user reads it in a message: "4000 bytes", "10 MB", "2.5 MB". */
public final class ByteCountText {

    private ByteCountText() {
    }

    public static String of(long bytes) {
        if (bytes < 1_000_000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes % 1_000_000 == 0) {
            return bytes / 1_000_000 + " MB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / 1_000_000.0);
    }
}
