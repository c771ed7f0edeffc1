package uk.consumptioninsights.app.consumption;

/**
 * The part of the fetched dates the chart shows, [from, to) in epoch seconds, inside the full span [fullFrom, fullTo).
 * Zooming and panning give a new viewport and never leave the full span or go narrower than eight half-hours.
 */
record ChartViewport(long from, long to, long fullFrom, long fullTo) {

    /** The narrowest window zoom allows: eight half-hours. */
    static final long MIN_WINDOW_SECONDS = 8 * 1800;

    /** The whole span. */
    static ChartViewport whole(long from, long to) {
        return new ChartViewport(from, to, from, to);
    }

    long width() {
        return to - from;
    }

    long fullWidth() {
        return fullTo - fullFrom;
    }

    boolean zoomed() {
        return width() < fullWidth();
    }

    /** Zoomed by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} (0..1 of the width) still. */
    ChartViewport zoom(double factor, double anchor) {
        long width = width();
        long full = fullWidth();
        if (width <= 0 || full <= 0) {
            return this;
        }
        double a = Math.max(0, Math.min(1, anchor));
        long newWidth = Math.max(Math.min(MIN_WINDOW_SECONDS, full), Math.min(full, Math.round(width * factor)));
        long anchorTime = from + Math.round(a * width);
        return moveTo(anchorTime - Math.round(a * newWidth), newWidth);
    }

    /** Moved by {@code fraction} of its width: negative is earlier. */
    ChartViewport pan(double fraction) {
        return moveTo(from + Math.round(fraction * width()), width());
    }

    ChartViewport reset() {
        return whole(fullFrom, fullTo);
    }

    /** {@code width} wide from {@code wantedFrom}, kept inside the full span. */
    private ChartViewport moveTo(long wantedFrom, long width) {
        long start = Math.max(fullFrom, Math.min(wantedFrom, fullTo - width));
        return new ChartViewport(start, start + width, fullFrom, fullTo);
    }
}
