package uk.consumptioninsights.model.synthetic;

import java.time.DayOfWeek;

/**
 * Half-hourly multipliers on a day's mean half-hour, indexed by local (Europe/London) wall-clock slot 0..47.
 * Domestic shapes follow the illustrative profile-class-1 shape in gb-domain.md §7.2: flat nights, a breakfast peak
 * and an evening peak that is higher and earlier in winter; weekends get a later morning and a busier midday.
 */
final class DailyShape {

    private static final double[] WINTER_WEEKDAY = {
        0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63, 0.63,
        0.63, 0.63, 0.64, 0.65, 0.73, 0.91, 1.15, 1.27,
        1.16, 0.94, 0.79, 0.75, 0.78, 0.84, 0.91, 0.97,
        1.02, 1.03, 1.02, 0.98, 0.94, 0.93, 0.97, 1.11,
        1.35, 1.67, 1.97, 2.16, 2.16, 1.96, 1.64, 1.31,
        1.07, 0.97, 0.96, 0.95, 0.88, 0.78, 0.69, 0.65};

    private static final double[] SUMMER_WEEKDAY = {
        0.68, 0.68, 0.68, 0.68, 0.68, 0.68, 0.68, 0.68,
        0.68, 0.68, 0.69, 0.71, 0.79, 0.98, 1.24, 1.37,
        1.25, 1.01, 0.85, 0.81, 0.85, 0.91, 0.98, 1.05,
        1.10, 1.12, 1.10, 1.05, 0.99, 0.91, 0.85, 0.82,
        0.82, 0.87, 1.00, 1.18, 1.40, 1.60, 1.72, 1.74,
        1.66, 1.55, 1.43, 1.29, 1.10, 0.91, 0.78, 0.71};

    private static final double[] WINTER_WEEKEND = weekend(WINTER_WEEKDAY);
    private static final double[] SUMMER_WEEKEND = weekend(SUMMER_WEEKDAY);
    private static final double[] BUSINESS_WEEKDAY = normalised(business(1.0));
    private static final double[] BUSINESS_WEEKEND = business(0.0);

    private DailyShape() {
    }

    /**
     * @param winterness 1 in mid-winter, 0 in mid-summer
     * @param slot       local half-hour slot 0..47
     */
    static double domestic(double winterness, DayOfWeek day, int slot) {
        boolean weekend = isWeekend(day);
        double winter = (weekend ? WINTER_WEEKEND : WINTER_WEEKDAY)[slot];
        double summer = (weekend ? SUMMER_WEEKEND : SUMMER_WEEKDAY)[slot];
        return winterness * winter + (1 - winterness) * summer;
    }

    /** Small businesses: open 08:00 to 18:00 on weekdays; weekend multipliers are relative to a weekday mean. */
    static double business(DayOfWeek day, int slot) {
        return (isWeekend(day) ? BUSINESS_WEEKEND : BUSINESS_WEEKDAY)[slot];
    }

    static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Weekend: the morning peak about 90 minutes later and a busier midday, same daily mean. */
    private static double[] weekend(double[] weekday) {
        double[] shape = new double[48];
        for (int s = 0; s < 48; s++) {
            int from = Math.max(0, s - 3);
            shape[s] = s < 20 ? weekday[from] : weekday[s];
            if (s >= 22 && s < 32) {
                shape[s] *= 1.18;
            }
        }
        return normalised(shape);
    }

    private static double[] business(double openLevel) {
        double[] shape = new double[48];
        for (int s = 0; s < 48; s++) {
            double base = 0.35;
            boolean open = s >= 16 && s < 36;
            boolean ramp = s == 15 || s == 36;
            shape[s] = base + openLevel * (open ? 1.3 : ramp ? 0.6 : 0);
        }
        return shape;
    }

    private static double[] normalised(double[] shape) {
        double sum = 0;
        for (double v : shape) {
            sum += v;
        }
        double mean = sum / shape.length;
        double[] out = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i] / mean;
        }
        return out;
    }
}
