package uk.consumptioninsights.dataaccess.sharing.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import uk.consumptioninsights.model.work.Progress;

/** The profile's own long-lived token; when it is refused, the profile's expirationTime explains why if it passed. */
public final class StaticBearerToken implements TokenSource {

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String token;
    private final Instant expirationTime;
    private final Clock clock;

    /** @param expirationTime the profile's, or null */
    public StaticBearerToken(String token, Instant expirationTime, Clock clock) {
        this.token = token;
        this.expirationTime = expirationTime;
        this.clock = clock;
    }

    @Override
    public String token(Progress progress) {
        return token;
    }

    @Override
    public boolean renewAfterRejection(String rejected) {
        return false;
    }

    @Override
    public String rejectionAdvice() {
        if (expirationTime != null && !clock.instant().isBefore(expirationTime)) {
            return "The profile's token expired on " + UTC_MINUTE.format(expirationTime)
                    + ". Ask your data provider for a new profile file.";
        }
        return "The token may have been revoked or replaced. Ask your data provider for a new profile file.";
    }

    @Override
    public String toString() {
        return "StaticBearerToken[***]";
    }
}
