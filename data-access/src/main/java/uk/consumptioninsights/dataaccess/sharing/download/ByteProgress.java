package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.Locale;
import uk.consumptioninsights.model.work.Progress;

/**
 * Download progress by bytes, reported as "Downloading 12 of 40 files (38 MB of 120 MB)". Safe to call from several
 * download threads; reports at most about every half per cent, and on every finished file.
 */
public final class ByteProgress {

    private final Progress progress;
    private final int totalFiles;
    private final long totalBytes;
    private final long reportEvery;
    private int doneFiles;
    private long doneBytes;
    private long lastReported = Long.MIN_VALUE;

    public ByteProgress(Progress progress, int totalFiles, long totalBytes) {
        this.progress = progress;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.reportEvery = Math.max(256 * 1024, totalBytes / 200);
    }

    /** Files already on disk before any download started. */
    public synchronized void alreadyDone(int files, long bytes) {
        doneFiles += files;
        doneBytes += bytes;
    }

    public synchronized void bytes(long delta) {
        doneBytes += delta;
        if (Math.abs(doneBytes - lastReported) >= reportEvery) {
            report();
        }
    }

    /** A file finished; {@code bytes} are added when it came from the cache rather than through {@link #bytes}. */
    public synchronized void fileDone(long bytes) {
        doneFiles++;
        doneBytes += bytes;
        report();
    }

    public synchronized void report() {
        lastReported = doneBytes;
        double fraction = totalBytes > 0 ? (double) doneBytes / totalBytes
                : totalFiles == 0 ? 1 : (double) doneFiles / totalFiles;
        progress.report(Math.max(0, Math.min(1, fraction)), "Downloading " + doneFiles + " of " + totalFiles
                + " files (" + megabytes(doneBytes) + " of " + megabytes(totalBytes) + ")");
    }

    static String megabytes(long bytes) {
        double mb = Math.max(0, bytes) / 1_000_000.0;
        return mb < 10 && mb > 0 ? String.format(Locale.UK, "%.1f MB", mb)
                : String.format(Locale.UK, "%d MB", Math.round(mb));
    }
}
