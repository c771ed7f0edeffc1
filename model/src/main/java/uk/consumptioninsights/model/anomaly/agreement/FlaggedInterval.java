package uk.consumptioninsights.model.anomaly.agreement;

import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/** One detection reduced to what agreement needs: which meter, which type, when (end exclusive). */
public record FlaggedInterval(String meterKey, AnomalyType type, Instant start, Instant end) {

    public FlaggedInterval {
        Objects.requireNonNull(meterKey, "meterKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Same meter, same type, and the two intervals share at least one instant. */
    public boolean confirms(FlaggedInterval other) {
        return meterKey.equals(other.meterKey) && type == other.type
                && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
