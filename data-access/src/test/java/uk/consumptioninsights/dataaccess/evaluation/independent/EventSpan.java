package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.Instant;

/** The half-open interval [start, end) of one injected event, in epoch seconds. */
public record EventSpan(long start, long end) {

    public EventSpan {
        if (end <= start) {
            throw new IllegalArgumentException("An event must end after it starts");
        }
    }

    public boolean overlaps(EventSpan other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(long epochSecond) {
        return epochSecond >= start && epochSecond < end;
    }

    public Instant startInstant() {
        return Instant.ofEpochSecond(start);
    }

    public Instant endInstant() {
        return Instant.ofEpochSecond(end);
    }
}
