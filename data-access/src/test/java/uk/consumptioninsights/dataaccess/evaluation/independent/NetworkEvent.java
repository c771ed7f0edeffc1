package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.List;

/**
 * One network event of a half: an interval, whether the affected households' lines go {@code missing} or read
 * {@code zeroed}, and the households it affects.
 *
 * @param share the drawn share of the households with a reading at the start; those in a per-household event
 *              (or too near their data's start or end) are left out, so fewer may be affected
 */
public record NetworkEvent(int number, EventSpan span, boolean missing, double share, List<String> households) {

    public static final String MISSING = "missing";
    public static final String ZEROED = "zeroed";

    public NetworkEvent {
        households = List.copyOf(households);
    }

    public String pattern() {
        return missing ? MISSING : ZEROED;
    }
}
