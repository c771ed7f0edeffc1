package uk.consumptioninsights.model.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Every settlement period from a first to a last settlement day, in order. The UTC half-hours are contiguous; the
 * days cut them into 46, 48 or 50 periods. Index i is the i-th half-hour from the first day's start.
 */
public final class SettlementDayGrid {

    private static final long HALF_HOUR_SECONDS = 1800;

    private final LocalDate firstDay;
    private final long firstEpochSecond;
    private final int[] dayStartIndex;
    private final byte[] localSlot;

    public SettlementDayGrid(LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day " + lastDay + " is before the first day " + firstDay);
        }
        this.firstDay = firstDay;
        this.firstEpochSecond = SettlementCalendar.dayStart(firstDay).getEpochSecond();
        int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        this.dayStartIndex = new int[days + 1];
        for (int d = 0; d < days; d++) {
            dayStartIndex[d + 1] = dayStartIndex[d] + SettlementCalendar.periodsIn(firstDay.plusDays(d));
        }
        this.localSlot = new byte[dayStartIndex[days]];
        for (int i = 0; i < localSlot.length; i++) {
            ZonedDateTime local = Instant.ofEpochSecond(epochSecondAt(i)).atZone(SettlementCalendar.LONDON);
            localSlot[i] = (byte) (local.getHour() * 2 + local.getMinute() / 30);
        }
    }

    public int size() {
        return localSlot.length;
    }

    public int dayCount() {
        return dayStartIndex.length - 1;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate day(int dayIndex) {
        return firstDay.plusDays(dayIndex);
    }

    public int dayStartIndex(int dayIndex) {
        return dayStartIndex[dayIndex];
    }

    public int periodsOnDay(int dayIndex) {
        return dayStartIndex[dayIndex + 1] - dayStartIndex[dayIndex];
    }

    public long epochSecondAt(int index) {
        return firstEpochSecond + HALF_HOUR_SECONDS * index;
    }

    /** Wall-clock half-hour slot (0..47) in London at the start of the period; autumn days repeat two slots. */
    public int localSlotAt(int index) {
        return localSlot[index];
    }

    /** Index of the first period starting at or after {@code instant}, clamped to [0, size]. */
    public int indexAtOrAfter(Instant instant) {
        long offset = instant.getEpochSecond() - firstEpochSecond;
        long index = Math.floorDiv(offset + HALF_HOUR_SECONDS - 1, HALF_HOUR_SECONDS);
        return (int) Math.max(0, Math.min(size(), index));
    }

    public long[] epochSeconds() {
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = epochSecondAt(i);
        }
        return out;
    }
}
