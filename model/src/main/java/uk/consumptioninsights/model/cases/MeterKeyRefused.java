package uk.consumptioninsights.model.cases;

/** A meter key a case may not carry under the purpose it is raised in (never echoes the key itself). */
public final class MeterKeyRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MeterKeyRefused(String message) {
        super(message);
    }
}
