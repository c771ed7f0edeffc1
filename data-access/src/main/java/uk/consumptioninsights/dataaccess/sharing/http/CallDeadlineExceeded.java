package uk.consumptioninsights.dataaccess.sharing.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A call whose answer kept arriving, but not in full within the call's deadline. */
public final class CallDeadlineExceeded extends HttpTimeoutException {

    private static final long serialVersionUID = 1L;

    private final transient Duration limit;

    public CallDeadlineExceeded(Duration limit) {
        super("the whole answer did not arrive within " + DurationText.of(limit));
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
