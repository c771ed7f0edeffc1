package uk.consumptioninsights.model.meter;

import java.util.regex.Pattern;

/**
 * A meter's keyed pseudonym as {@link MpanPseudonymiser} writes it: "P" and 16 lowercase hex characters. Validated so
 * that a value typed or pasted elsewhere (an MPAN, free text) can never pass for one.
 */
public record MeterPseudonym(String value) {

    private static final Pattern FORMAT = Pattern.compile("P[0-9a-f]{16}");

    public MeterPseudonym {
        if (value == null || !FORMAT.matcher(value).matches()) {
            // The value is not echoed: it may be an MPAN pasted under a purpose that must not see one.
            throw new IllegalArgumentException("That is not a meter pseudonym: a pseudonym is 'P' and 16 lowercase hex "
                    + "characters, as the meter list shows it.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
