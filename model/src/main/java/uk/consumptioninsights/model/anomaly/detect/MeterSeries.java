package uk.consumptioninsights.model.anomaly.detect;

import java.util.Objects;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * One meter's half-hourly readings as two primitive columns, plus what the detectors need to know about the meter:
 * its key (MPAN or household id) and GSP group. Times are UTC epoch seconds of each half-hour start, strictly
 * ascending; missing half-hours are absent. The arrays are owned by this object and must not be modified.
 */
public final class MeterSeries {

    private final String meterKey;
    private final GspGroup gspGroup;
    private final long[] epochSeconds;
    private final double[] kwh;

    private MeterSeries(String meterKey, GspGroup gspGroup, long[] epochSeconds, double[] kwh) {
        this.meterKey = Objects.requireNonNull(meterKey, "meterKey");
        this.gspGroup = Objects.requireNonNull(gspGroup, "gspGroup");
        if (epochSeconds.length != kwh.length) {
            throw new IllegalArgumentException("Meter " + meterKey + " has " + epochSeconds.length + " times but "
                    + kwh.length + " kWh values");
        }
        for (int i = 1; i < epochSeconds.length; i++) {
            if (epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("Times of meter " + meterKey + " must be strictly ascending (point " + i + ")");
            }
        }
        this.epochSeconds = epochSeconds;
        this.kwh = kwh;
    }

    /** Adopts the arrays without copying: the caller hands them over and must not keep or change them. */
    public static MeterSeries adopt(String meterKey, GspGroup gspGroup, long[] epochSeconds, double[] kwh) {
        return new MeterSeries(meterKey, gspGroup, epochSeconds, kwh);
    }

    public static MeterSeries of(String meterKey, GspGroup gspGroup, HalfHourlySeries series) {
        return new MeterSeries(meterKey, gspGroup, series.epochSecondsCopy(), series.kwhCopy());
    }

    public String meterKey() {
        return meterKey;
    }

    public GspGroup gspGroup() {
        return gspGroup;
    }

    public int size() {
        return kwh.length;
    }

    public long epochSecondAt(int i) {
        return epochSeconds[i];
    }

    public double kwhAt(int i) {
        return kwh[i];
    }

    /** Backing array; never modify. */
    long[] epochSecondsView() {
        return epochSeconds;
    }

    /** Backing array; never modify. */
    double[] kwhView() {
        return kwh;
    }

    public HalfHourlySeries toHalfHourlySeries() {
        return new HalfHourlySeries(epochSeconds, kwh);
    }
}
