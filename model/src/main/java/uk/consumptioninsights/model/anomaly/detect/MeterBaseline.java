package uk.consumptioninsights.model.anomaly.detect;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * What a meter normally looks like, learned from its baseline readings, plus per-reading calendar columns shared by the
 * detectors: local day and slot, the weekday × period profile (median and MAD per bucket), complete-day totals and the
 * usual daily level. Readings that are not physically plausible ({@link ReadingFlag}) count in none of them.
 */
final class MeterBaseline {

    /** A day counts as complete with at least this many readings; partial days get a NaN total. */
    static final int MIN_READINGS_PER_DAY = 40;

    final MeterSeries meter;
    final int[] day;
    final byte[] slot;
    final double[] profileMedian = new double[Features.PROFILE_BUCKETS];
    final double[] profileMad = new double[Features.PROFILE_BUCKETS];
    final double[] dailyTotal;
    /** Median complete-day total over the baseline days; NaN when there is none. */
    final double baselineDaily;
    /** Share of baseline readings that are exactly zero. */
    final double baselineZeroShare;
    /** Share of the meter's plausible readings in each local slot (0..47) that are exactly zero, over the whole window. */
    final double[] slotZeroRate = new double[48];
    /** Share of all the meter's plausible readings that are exactly zero. */
    final double zeroShare;
    private final boolean[] weekendDay;

    MeterBaseline(MeterSeries meter, FleetContext.Calendar calendar) {
        this.meter = meter;
        long[] t = meter.epochSecondsView();
        double[] x = meter.kwhView();
        int n = x.length;
        this.day = new int[n];
        this.slot = new byte[n];
        this.weekendDay = calendar.weekend;
        Features.localCalendar(t, calendar.firstLocalEpochDay, day, slot);
        int days = calendar.dayCount;
        dailyTotal = new double[days];
        int[] count = new int[days];
        int[] bucketCount = new int[Features.PROFILE_BUCKETS];
        int baselineReadings = 0;
        int zeros = 0;
        int[] slotReadings = new int[48];
        int[] slotZeros = new int[48];
        for (int i = 0; i < n; i++) {
            int d = day[i];
            // An implausible reading is the meter's fault, not consumption: it is reported, never learned from.
            if (d < 0 || d >= days || !ReadingFlag.isPlausible(x[i])) {
                continue;
            }
            dailyTotal[d] += x[i];
            count[d]++;
            slotReadings[slot[i]]++;
            if (x[i] == 0) {
                slotZeros[slot[i]]++;
            }
            if (calendar.isBaselineDay(d)) {
                bucketCount[bucket(i)]++;
                baselineReadings++;
                if (x[i] == 0) {
                    zeros++;
                }
            }
        }
        baselineZeroShare = baselineReadings == 0 ? 0 : (double) zeros / baselineReadings;
        int allReadings = 0;
        int allZeros = 0;
        for (int s = 0; s < 48; s++) {
            slotZeroRate[s] = slotReadings[s] == 0 ? 0 : (double) slotZeros[s] / slotReadings[s];
            allReadings += slotReadings[s];
            allZeros += slotZeros[s];
        }
        zeroShare = allReadings == 0 ? 0 : (double) allZeros / allReadings;
        double[][] values = new double[Features.PROFILE_BUCKETS][];
        for (int b = 0; b < values.length; b++) {
            values[b] = new double[bucketCount[b]];
        }
        int[] fill = new int[Features.PROFILE_BUCKETS];
        for (int i = 0; i < n; i++) {
            int d = day[i];
            if (d >= 0 && d < days && calendar.isBaselineDay(d) && ReadingFlag.isPlausible(x[i])) {
                int b = bucket(i);
                values[b][fill[b]++] = x[i];
            }
        }
        for (int b = 0; b < values.length; b++) {
            double med = Features.median(values[b], values[b].length);
            for (int k = 0; k < values[b].length; k++) {
                values[b][k] = Math.abs(values[b][k] - med);
            }
            profileMedian[b] = med;
            profileMad[b] = Features.median(values[b], values[b].length);
        }
        // A bucket without baseline readings borrows the other day type's bucket, else 0.
        for (int b = 0; b < values.length; b++) {
            if (Double.isNaN(profileMedian[b])) {
                int other = (b + 48) % 96;
                profileMedian[b] = Double.isNaN(profileMedian[other]) ? 0 : profileMedian[other];
                profileMad[b] = Double.isNaN(profileMad[other]) ? 0 : profileMad[other];
            }
        }
        double[] baseDays = new double[days];
        int nb = 0;
        for (int d = 0; d < days; d++) {
            if (count[d] < MIN_READINGS_PER_DAY) {
                dailyTotal[d] = Double.NaN;
            } else if (calendar.isBaselineDay(d)) {
                baseDays[nb++] = dailyTotal[d];
            }
        }
        baselineDaily = Features.median(baseDays, nb);
    }

    int bucket(int i) {
        int d = day[i];
        boolean weekend = d >= 0 && d < weekendDay.length && weekendDay[d];
        return Features.profileIndex(weekend, slot[i]);
    }

    /** The profile's expectation for reading i. */
    double expected(int i) {
        return profileMedian[bucket(i)];
    }

    /** The profile's expectation for the half-hour starting at {@code epochSecond}, which need not have a reading. */
    double expectedAt(long epochSecond, FleetContext.Calendar calendar) {
        int[] d = new int[1];
        byte[] s = new byte[1];
        Features.localCalendar(new long[] {epochSecond}, calendar.firstLocalEpochDay, d, s);
        boolean weekend = d[0] >= 0 && d[0] < weekendDay.length && weekendDay[d[0]];
        return profileMedian[Features.profileIndex(weekend, s[0])];
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "MeterBaseline[" + meter.meterKey() + ", daily " + baselineDaily + ", profile " + Arrays.toString(profileMedian) + "]";
    }
}
