package uk.consumptioninsights.dataaccess.sharing.http;

import java.io.IOException;

/** An answer that went on past the most bytes the client reads for it. */
public final class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLarge(long limit) {
        super("the answer is larger than " + ByteCountText.of(limit));
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
