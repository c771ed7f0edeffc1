package uk.consumptioninsights.model.meter;

/** An MPAN core that fails format, check-digit or distributor validation. */
public final class InvalidMpanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMpanException(String message) {
        super(message);
    }
}
