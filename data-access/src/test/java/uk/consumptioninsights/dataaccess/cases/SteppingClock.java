package uk.consumptioninsights.dataaccess.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock one second further on at every reading, so that every save has its own instant and the list its order. */
public final class SteppingClock extends Clock {

    private final AtomicLong seconds;

    public SteppingClock(Instant start) {
        this.seconds = new AtomicLong(start.getEpochSecond());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndAdd(Duration.ofSeconds(1).toSeconds()));
    }
}
