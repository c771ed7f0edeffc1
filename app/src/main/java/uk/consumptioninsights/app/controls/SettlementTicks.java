package uk.consumptioninsights.app.controls;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Tick positions for a time axis in settlement terms: on period boundaries counted from each London day's SP1 (so
 * 46- and 50-period days still tick at SP1, SP13, SP25, …), or on day starts for long ranges.
 */
public final class SettlementTicks {

    private static final long PERIOD_SECONDS = 1800;
    private static final int[] PERIOD_STEPS = {1, 2, 4, 6, 8, 12, 24};
    private static final int[] DAY_STEPS = {1, 2, 7, 14, 28, 91};

    private SettlementTicks() {
    }

    /** Ticks within [from, to] (epoch seconds), at most {@code maxTicks} of them (at least two are allowed). */
    public static List<Long> ticks(long from, long to, int maxTicks) {
        int max = Math.max(2, maxTicks);
        if (to <= from) {
            return List.of();
        }
        double periods = (double) (to - from) / PERIOD_SECONDS;
        for (int step : PERIOD_STEPS) {
            if (periods / step <= max) {
                return periodTicks(from, to, step);
            }
        }
        double days = periods / 48;
        for (int step : DAY_STEPS) {
            if (days / step <= max) {
                return dayTicks(from, to, step);
            }
        }
        return dayTicks(from, to, (int) Math.ceil(days / max));
    }

    /** "21 Nov SP1". */
    public static String label(long epochSecond) {
        return Formats.shortPeriod(Instant.ofEpochSecond(epochSecond));
    }

    private static List<Long> periodTicks(long from, long to, int step) {
        List<Long> ticks = new ArrayList<>();
        LocalDate last = SettlementCalendar.settlementDate(Instant.ofEpochSecond(to));
        for (LocalDate day = SettlementCalendar.settlementDate(Instant.ofEpochSecond(from)); !day.isAfter(last); day = day.plusDays(1)) {
            long dayStart = SettlementCalendar.dayStart(day).getEpochSecond();
            int periods = SettlementCalendar.periodsIn(day);
            for (int period = 1; period <= periods; period += step) {
                long t = dayStart + (period - 1) * PERIOD_SECONDS;
                if (t >= from && t <= to) {
                    ticks.add(t);
                }
            }
        }
        return ticks;
    }

    private static List<Long> dayTicks(long from, long to, int step) {
        List<Long> ticks = new ArrayList<>();
        LocalDate last = SettlementCalendar.settlementDate(Instant.ofEpochSecond(to));
        for (LocalDate day = SettlementCalendar.settlementDate(Instant.ofEpochSecond(from)); !day.isAfter(last); day = day.plusDays(1)) {
            boolean aligned = step == 7 ? day.getDayOfWeek() == DayOfWeek.MONDAY : day.toEpochDay() % step == 0;
            long t = SettlementCalendar.dayStart(day).getEpochSecond();
            if (aligned && t >= from && t <= to) {
                ticks.add(t);
            }
        }
        return ticks;
    }
}
