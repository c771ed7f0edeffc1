package uk.consumptioninsights.dataaccess.sharing.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.http.ErrorBody;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.RetryAfter;
import uk.consumptioninsights.dataaccess.sharing.http.StallGuard;
import uk.consumptioninsights.model.work.Progress;

/**
 * Downloads one file from its pre-signed storage URL: a plain GET of the URL exactly as given, with no Authorization
 * header and no token (the URL's signature is the credential), into a temporary file that is moved into place only
 * once its size matches the announced one. A download may take the call deadline plus the time its size takes at the
 * slowest download rate allowed, so a trickling storage server cannot keep it going forever.
 */
public final class StorageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFetcher.class);
    private static final int CHUNK = 64 * 1024;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final String userAgent;
    private final Clock clock;
    private final SharingLimits limits;

    /** @param http a client without any default headers, following plain redirects */
    public StorageFetcher(HttpClient http, Duration requestTimeout, String userAgent, Clock clock,
                          SharingLimits limits) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param counted told of every chunk written (and of the negative total when an attempt fails), for progress
     * @return the bytes written
     * @throws SharingException STORAGE with the storage's status when it refused the URL (400/401/403/404: refresh
     *                          and try again), retryable on 429/5xx, broken connections and short files
     */
    public long fetch(SharedFile file, Path target, Progress progress, LongConsumer counted) {
        URI uri = uri(file);
        long started = System.nanoTime();
        Duration deadline = limits.downloadDeadline(file.size());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout.compareTo(deadline) < 0 ? requestTimeout : deadline)
                .header("User-Agent", userAgent).GET().build();
        String host = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw HttpFailures.network(e, "cloud storage", "download file " + file.id(), host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        try (InputStream body = new StallGuard(response.body(), requestTimeout, deadline, started)) {
            int status = response.statusCode();
            if (status != 200) {
                throw refused(file, status, new String(body.readNBytes(16 * 1024), StandardCharsets.UTF_8),
                        response.headers().firstValue("retry-after").orElse(null));
            }
            OptionalLong length = response.headers().firstValueAsLong("content-length");
            if (length.isPresent() && length.getAsLong() != file.size()) {
                throw incomplete(file, length.getAsLong(), "announced");
            }
            return copy(body, file, target, progress, counted);
        } catch (IOException e) {
            throw HttpFailures.network(e, "cloud storage", "download file " + file.id(), host);
        }
    }

    private long copy(InputStream body, SharedFile file, Path target, Progress progress, LongConsumer counted)
            throws IOException {
        Path temporary = TableCache.temporaryFor(target);
        long written = 0;
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[CHUNK];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    progress.checkCancelled();
                    out.write(buffer, 0, n);
                    written += n;
                    counted.accept(n);
                    if (written > file.size()) {
                        throw incomplete(file, written, "received more than");
                    }
                }
            }
            if (written != file.size()) {
                throw incomplete(file, written, "received");
            }
            TableCache.moveIntoPlace(temporary, target);
            done = true;
            return written;
        } finally {
            if (!done) {
                counted.accept(-written);
                TableCache.deleteQuietly(temporary);
            }
        }
    }

    private SharingException refused(SharedFile file, int status, String body, String retryAfter) {
        ErrorBody error = ErrorBody.parse(body);
        String quoted = error.isEmpty() ? "" : ": " + error.summary();
        LOG.info("Storage answered {} for file {} at {}", status, file.id(), Redaction.url(file.url()));
        if (status == 429 || status >= 500) {
            return SharingException.http(Category.STORAGE, "Cloud storage failed to send file " + file.id() + " ("
                    + status + quoted + "). Try again later.", status, true, error.code(),
                    RetryAfter.parse(retryAfter, clock.instant()).orElse(null));
        }
        return SharingException.http(Category.STORAGE, "Cloud storage refused the download link for file "
                + file.id() + " (" + status + quoted + "); links expire after a while. Open the table again to get "
                + "fresh links.", status, false, error.code(), null);
    }

    private static SharingException incomplete(SharedFile file, long bytes, String what) {
        return SharingException.retryable(Category.STORAGE, "File " + file.id() + " arrived incomplete (" + what
                + " " + bytes + " bytes, expected " + file.size() + "). Try again; if it keeps happening, tell your "
                + "data provider.", null);
    }

    private static URI uri(SharedFile file) {
        try {
            URI uri = URI.create(file.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw SharingException.of(Category.PROTOCOL, "The sharing server gave file " + file.id() + " a download "
                + "address that is not an http(s) URL (" + Redaction.url(file.url()) + "). Tell your data provider.");
    }

    /** True for a storage refusal that fresh URLs may cure (expired or otherwise rejected signature). */
    public static boolean isUrlRefusal(SharingException failure) {
        int status = failure.httpStatus().orElse(0);
        return failure.category() == Category.STORAGE && !failure.retryable()
                && (status == 400 || status == 401 || status == 403 || status == 404);
    }
}
