package uk.consumptioninsights.model.synthetic;

import uk.consumptioninsights.model.meter.GspGroup;

/**
 * Daily temperature anomalies (°C from seasonal normal) per GSP group: a national AR(1) pattern that weather
 * systems share, plus a smaller regional one. Cold days raise heating and lighting load, mostly in winter.
 */
final class RegionalWeather {

    private final double[][] anomaly;

    RegionalWeather(long seed, int days) {
        GspGroup[] groups = GspGroup.values();
        anomaly = new double[groups.length][days];
        double[] national = new double[days];
        SplitMix nationalRandom = new SplitMix(seed, 2);
        double t = 0;
        for (int d = 0; d < days; d++) {
            t = 0.8 * t + 2.4 * Math.sqrt(1 - 0.64) * nationalRandom.gaussian();
            national[d] = t;
        }
        for (int g = 0; g < groups.length; g++) {
            SplitMix regional = new SplitMix(seed, 3, g);
            double r = 0;
            for (int d = 0; d < days; d++) {
                r = 0.7 * r + 1.2 * Math.sqrt(1 - 0.49) * regional.gaussian();
                anomaly[g][d] = national[d] + r;
            }
        }
    }

    /** Multiplier on the day's consumption: about 3 % per °C colder than normal in winter, 1 % in summer. */
    double loadFactor(GspGroup group, int dayIndex, double winterness) {
        double perDegree = 0.01 + 0.02 * winterness;
        return Math.max(0.6, 1 - perDegree * anomaly[group.ordinal()][dayIndex]);
    }
}
