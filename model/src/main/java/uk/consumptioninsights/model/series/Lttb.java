package uk.consumptioninsights.model.series;

import java.util.Objects;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the points that shape
 * the line, so peaks and dips survive when a year of half-hours is drawn a few hundred pixels wide.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Reduces the series to {@code threshold} points, always keeping the first and last.
     * Returns the input itself when it is already small enough or the threshold is below 3.
     */
    public static HalfHourlySeries downsample(HalfHourlySeries series, int threshold) {
        Objects.requireNonNull(series, "series");
        int n = series.size();
        if (threshold < 3 || n <= threshold) {
            return series;
        }
        long[] times = series.epochSecondsView();
        double[] values = series.kwhView();
        long origin = times[0];

        long[] sampledTimes = new long[threshold];
        double[] sampledValues = new double[threshold];
        sampledTimes[0] = times[0];
        sampledValues[0] = values[0];

        // The first and last points are fixed, so the n - 2 inner points share threshold - 2 buckets.
        double bucketSize = (double) (n - 2) / (threshold - 2);
        int selected = 0;
        for (int bucket = 0; bucket < threshold - 2; bucket++) {
            int nextStart = (int) Math.floor((bucket + 1) * bucketSize) + 1;
            int nextEnd = Math.min((int) Math.floor((bucket + 2) * bucketSize) + 1, n);
            double averageX = 0;
            double averageY = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                averageX += times[i] - origin;
                averageY += values[i];
            }
            int nextCount = nextEnd - nextStart;
            averageX /= nextCount;
            averageY /= nextCount;

            int start = (int) Math.floor(bucket * bucketSize) + 1;
            int end = nextStart;
            double selectedX = times[selected] - origin;
            double selectedY = values[selected];
            double largestArea = -1;
            int chosen = start;
            for (int i = start; i < end; i++) {
                // Twice the triangle area; the factor does not change which point wins.
                double area = Math.abs((selectedX - averageX) * (values[i] - selectedY)
                        - (selectedX - (times[i] - origin)) * (averageY - selectedY));
                if (area > largestArea) {
                    largestArea = area;
                    chosen = i;
                }
            }
            sampledTimes[bucket + 1] = times[chosen];
            sampledValues[bucket + 1] = values[chosen];
            selected = chosen;
        }
        sampledTimes[threshold - 1] = times[n - 1];
        sampledValues[threshold - 1] = values[n - 1];
        return HalfHourlySeries.adopt(sampledTimes, sampledValues);
    }
}
