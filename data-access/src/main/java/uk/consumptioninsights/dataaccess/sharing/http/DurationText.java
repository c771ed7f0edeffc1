package uk.consumptioninsights.dataaccess.sharing.http;

import java.time.Duration;

/** A duration as a user reads it in a message: "500 ms", "90 s", "10 min", "3 h". */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 120 || seconds % 60 != 0) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 120 || minutes % 60 != 0 ? minutes + " min" : minutes / 60 + " h";
    }
}
