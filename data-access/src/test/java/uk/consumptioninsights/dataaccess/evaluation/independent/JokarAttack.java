package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The six false-data attacks of Jokar, Arianpoo and Leung (2016), "Electricity theft detection in AMI using customers'
 * consumption patterns", IEEE Trans. Smart Grid 7(1): each maps one day's honest readings x₁..x_T to the reported
 * ones, with the random factors drawn afresh for every day as in the paper.
 */
public enum JokarAttack {

    /** α·x_t, α ~ U(0.1, 0.8) once per day. */
    H1 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            double alpha = factor(random);
            for (int i = from; i < to; i++) {
                x[i] = alpha * x[i];
            }
        }
    },
    /** Zero inside one off window per day (start uniform over the day's periods, 8–40 half-hours, cut at the day's end). */
    H2 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            int start = random.nextInt(periods);
            int end = Math.min(periods, start + random.nextInt(MIN_OFF_WINDOW, MAX_OFF_WINDOW + 1));
            for (int i = from; i < to; i++) {
                if (period[i - from] >= start && period[i - from] < end) {
                    x[i] = 0;
                }
            }
        }
    },
    /** γ_t·x_t, γ_t ~ U(0.1, 0.8) per reading. */
    H3 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            for (int i = from; i < to; i++) {
                x[i] = factor(random) * x[i];
            }
        }
    },
    /** γ_t·mean(x), γ_t ~ U(0.1, 0.8) per reading, the mean over the day. */
    H4 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            double mean = mean(x, from, to);
            for (int i = from; i < to; i++) {
                x[i] = factor(random) * mean;
            }
        }
    },
    /** The day's mean in every period. */
    H5 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            double mean = mean(x, from, to);
            for (int i = from; i < to; i++) {
                x[i] = mean;
            }
        }
    },
    /** x_{T+1−t}: the day reversed. */
    H6 {
        @Override
        void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random) {
            for (int i = from, j = to - 1; i < j; i++, j--) {
                double swap = x[i];
                x[i] = x[j];
                x[j] = swap;
            }
        }
    };

    public static final int MIN_OFF_WINDOW = 8;
    public static final int MAX_OFF_WINDOW = 40;
    public static final double MIN_FACTOR = 0.1;
    public static final double MAX_FACTOR = 0.8;

    /**
     * Rewrites the readings {@code from..to-1} of {@code series}, which are those of {@code day}, in place. A day with
     * gaps is attacked over the readings it has, each keeping its own period for h2's window.
     */
    public void attackDay(HouseholdSeries series, int from, int to, LondonDay day, SplittableRandom random) {
        int[] period = new int[to - from];
        for (int i = from; i < to; i++) {
            period[i - from] = day.periodIndex(series.epochSeconds()[i]);
        }
        attack(series.kwh(), from, to, period, day.periods(), random);
    }

    abstract void attack(double[] x, int from, int to, int[] period, int periods, SplittableRandom random);

    public String pattern() {
        return "jokar_" + name().toLowerCase(Locale.ROOT);
    }

    private static double factor(SplittableRandom random) {
        return random.nextDouble(MIN_FACTOR, MAX_FACTOR);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return to > from ? sum / (to - from) : 0;
    }
}
