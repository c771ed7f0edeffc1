package uk.consumptioninsights.model.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Maps between UTC instants and (settlement date, settlement period).
 * Always goes through the London zone: adding hours to UTC midnight is wrong on every BST day.
 */
public final class SettlementCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final long PERIOD_SECONDS = 1800;
    static final Duration PERIOD_LENGTH = Duration.ofSeconds(PERIOD_SECONDS);

    private SettlementCalendar() {
    }

    /** Local midnight in London as a UTC instant. */
    public static Instant dayStart(LocalDate settlementDate) {
        Objects.requireNonNull(settlementDate, "settlementDate");
        return settlementDate.atStartOfDay(LONDON).toInstant();
    }

    /** 48 on ordinary days, 46 on the spring clock change, 50 on the autumn one. */
    public static int periodsIn(LocalDate settlementDate) {
        long seconds = Duration.between(dayStart(settlementDate), dayStart(settlementDate.plusDays(1))).toSeconds();
        return (int) (seconds / PERIOD_SECONDS);
    }

    public static Instant periodStart(LocalDate settlementDate, int period) {
        requireValidPeriod(settlementDate, period);
        return dayStart(settlementDate).plusSeconds(PERIOD_SECONDS * (period - 1));
    }

    /** The period containing the instant; instants inside a period are floored to its start. */
    public static SettlementPeriod periodOf(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        // London offsets are whole hours, so flooring in UTC lands on a local :00 or :30 too.
        Instant floored = Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS) * PERIOD_SECONDS);
        LocalDate date = settlementDate(floored);
        long seconds = Duration.between(dayStart(date), floored).toSeconds();
        return new SettlementPeriod(date, (int) (seconds / PERIOD_SECONDS) + 1);
    }

    public static List<SettlementPeriod> periodsOf(LocalDate settlementDate) {
        int count = periodsIn(settlementDate);
        List<SettlementPeriod> periods = new ArrayList<>(count);
        for (int period = 1; period <= count; period++) {
            periods.add(new SettlementPeriod(settlementDate, period));
        }
        return Collections.unmodifiableList(periods);
    }

    /** The London local date; in BST the first two periods of day D start on UTC date D-1. */
    public static LocalDate settlementDate(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return instant.atZone(LONDON).toLocalDate();
    }

    static void requireValidPeriod(LocalDate settlementDate, int period) {
        int count = periodsIn(settlementDate);
        if (period < 1 || period > count) {
            throw new IllegalArgumentException("Settlement period " + period + " is not valid on "
                    + settlementDate + ", which has " + count + " periods");
        }
    }
}
