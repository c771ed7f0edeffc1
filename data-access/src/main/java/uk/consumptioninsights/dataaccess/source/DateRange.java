package uk.consumptioninsights.dataaccess.source;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Settlement dates (Europe/London days), both ends inclusive. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A date range needs both a first and a last settlement date");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last settlement date " + to + " is before the first " + from);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** This range clipped to {@code bounds}; the bounds themselves when they do not overlap. */
    public DateRange clippedTo(DateRange bounds) {
        LocalDate f = from.isBefore(bounds.from) ? bounds.from : from;
        LocalDate t = to.isAfter(bounds.to) ? bounds.to : to;
        return t.isBefore(f) ? bounds : new DateRange(f, t);
    }
}
