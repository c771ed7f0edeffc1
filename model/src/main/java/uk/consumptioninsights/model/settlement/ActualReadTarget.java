package uk.consumptioninsights.model.settlement;

/**
 * The share of settled energy that should rest on actual reads, 0 to 1; settlement performance is measured against
 * 99 % unless the analyst sets another target.
 */
public record ActualReadTarget(double share) {

    public static final ActualReadTarget DEFAULT = new ActualReadTarget(0.99);

    public ActualReadTarget {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("The actual-read target must be above 0 % and at most 100 %, not "
                    + share * 100 + " %");
        }
    }

    /** Parses a percentage such as {@code 99} or {@code 97.5}. */
    public static ActualReadTarget ofPercent(double percent) {
        return new ActualReadTarget(percent / 100);
    }
}
