package uk.consumptioninsights.dataaccess.sharing;

import java.time.Duration;

/**
 * How much the client accepts from a server before it stops, so a broken or hostile server can neither keep a call
 * alive forever nor fill the memory. Each limit reached is reported once, naming the limit; none is retried.
 *
 * @param callDeadline        the longest one call to the sharing server or token endpoint may take, from sending the
 *                            request to the last byte of the answer, however steadily the bytes arrive
 * @param slowestDownloadRate bytes per second: a file download may take {@code callDeadline} plus its size at this
 *                            rate, so large files get the time they need and a trickle still ends
 * @param maxLineBytes        the longest line of a metadata or query answer (one action)
 * @param maxResponseBytes    the largest metadata or query answer (one page of it)
 * @param maxListPageBytes    the largest page of a list of shares, schemas or tables
 * @param maxListedItems      the most shares, schemas or tables one listing may hold across all its pages
 */
public record SharingLimits(Duration callDeadline, long slowestDownloadRate, long maxLineBytes, long maxResponseBytes,
                            long maxListPageBytes, int maxListedItems) {

    public SharingLimits {
        if (callDeadline == null || callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("A call deadline must be positive");
        }
        if (slowestDownloadRate < 1 || maxLineBytes < 1 || maxResponseBytes < 1 || maxListPageBytes < 1
                || maxListedItems < 1) {
            throw new IllegalArgumentException("Download rate, sizes and item count must be at least 1");
        }
    }

    /**
     * Ten minutes a call; downloads at 50 kB/s or better; 10 MB a line (stats of very wide tables stay far below);
     * 250 MB an answer (about 150,000 files); 20 MB a list page and 100,000 items a listing.
     */
    public static SharingLimits defaults() {
        return new SharingLimits(Duration.ofMinutes(10), 50_000, 10_000_000, 250_000_000, 20_000_000, 100_000);
    }

    public SharingLimits withCallDeadline(Duration deadline, long downloadRate) {
        return new SharingLimits(deadline, downloadRate, maxLineBytes, maxResponseBytes, maxListPageBytes,
                maxListedItems);
    }

    public SharingLimits withAnswerSizes(long lineBytes, long responseBytes) {
        return new SharingLimits(callDeadline, slowestDownloadRate, lineBytes, responseBytes, maxListPageBytes,
                maxListedItems);
    }

    public SharingLimits withListSizes(long pageBytes, int items) {
        return new SharingLimits(callDeadline, slowestDownloadRate, maxLineBytes, maxResponseBytes, pageBytes, items);
    }

    /** The deadline for downloading a file of {@code size} bytes, its share rounded up to the next whole second. */
    public Duration downloadDeadline(long size) {
        long seconds = Math.max(0, size) / slowestDownloadRate + 1;
        return callDeadline.plusSeconds(seconds);
    }
}
