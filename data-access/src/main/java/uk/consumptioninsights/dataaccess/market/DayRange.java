package uk.consumptioninsights.dataaccess.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Settlement days {@code from} to {@code to}, both included. */
public record DayRange(LocalDate from, LocalDate to) {

    public DayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static DayRange of(LocalDate day) {
        return new DayRange(day, day);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Local midnight of the first day, as a UTC instant. */
    public Instant start() {
        return SettlementCalendar.dayStart(from);
    }

    /** Local midnight after the last day: the range is [start, end). */
    public Instant end() {
        return SettlementCalendar.dayStart(to.plusDays(1));
    }

    /** Consecutive pieces of at most {@code maxDays} days each. */
    public List<DayRange> chunks(int maxDays) {
        List<DayRange> pieces = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDays)) {
            LocalDate end = start.plusDays(maxDays - 1L);
            pieces.add(new DayRange(start, end.isAfter(to) ? to : end));
        }
        return pieces;
    }

    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
