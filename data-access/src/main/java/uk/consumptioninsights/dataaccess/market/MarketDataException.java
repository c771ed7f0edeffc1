package uk.consumptioninsights.dataaccess.market;

/** A market data fetch that failed; the message is one line for the user, naming the problem and what to do. */
public final class MarketDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryLater;

    public MarketDataException(String message, boolean retryLater, Throwable cause) {
        super(message.replaceAll("[\\r\\n]+", " "), cause);
        this.retryLater = retryLater;
    }

    /** True when trying again later may succeed (busy or failing server, broken connection). */
    public boolean retryLater() {
        return retryLater;
    }
}
