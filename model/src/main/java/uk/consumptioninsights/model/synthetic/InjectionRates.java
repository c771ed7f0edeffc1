package uk.consumptioninsights.model.synthetic;

/**
 * How often each kind of anomaly is injected.
 *
 * @param theft               share of meters given a sustained drop
 * @param malfunction         share of meters given a stuck, zero, spike or negative run
 * @param maintenance         share of meters given drift or repeated outliers
 * @param networkEventsPer30Days GSP-group-wide loss events per 30 days of data
 */
public record InjectionRates(double theft, double malfunction, double maintenance, double networkEventsPer30Days) {

    public InjectionRates {
        if (theft < 0 || malfunction < 0 || maintenance < 0 || theft + malfunction + maintenance > 1 || networkEventsPer30Days < 0) {
            throw new IllegalArgumentException("Injection rates must be non-negative and the meter shares must add up to at most 1");
        }
    }

    public static InjectionRates defaults() {
        return new InjectionRates(0.006, 0.015, 0.010, 1.0);
    }

    public static InjectionRates none() {
        return new InjectionRates(0, 0, 0, 0);
    }
}
