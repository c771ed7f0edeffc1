package uk.consumptioninsights.dataaccess.sharing;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;

/**
 * How the client behaves: timeouts, retries, download parallelism, where the cache lives, which proxy and TLS trust
 * to use, and (for tests) the clock and the sleeper used between retries.
 *
 * @param requestTimeout       how long to wait for a server to start answering
 * @param downloadParallelism  files downloaded at once
 * @param cacheDir             where downloaded files and manifests are kept
 * @param proxySelector        the proxy to use; the system's ({@link ProxySelector#getDefault()}) unless set
 * @param sslContext           the TLS trust to use, or null for Java's default trust store
 * @param pageSize             maxResults asked for per list page
 * @param maxPages             the most pages followed for one list or query, a guard against endless servers
 * @param maxUrlRefreshes      how often one download may re-query for fresh file URLs
 * @param urlRefreshMargin     a file URL expiring sooner than this is refreshed before downloading
 * @param limits               how long a call may take and how much a server may send
 * @param maxFilesPerPage      maxFiles asked for per page of a query answer; servers that page split larger answers
 */
public record SharingClientSettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy,
                                    int downloadParallelism, Path cacheDir, ProxySelector proxySelector,
                                    SSLContext sslContext, Clock clock, Sleeper sleeper, int pageSize, int maxPages,
                                    int maxUrlRefreshes, Duration urlRefreshMargin, SharingLimits limits,
                                    int maxFilesPerPage) {

    /** The reference Spark client's page size; an answer of that many files stays far below the answer size limit. */
    public static final int DEFAULT_MAX_FILES_PER_PAGE = 100_000;

    public SharingClientSettings {
        if (downloadParallelism < 1 || pageSize < 1 || maxPages < 1 || maxUrlRefreshes < 0 || maxFilesPerPage < 1) {
            throw new IllegalArgumentException("Parallelism, page sizes and page cap must be at least 1");
        }
        limits = limits == null ? SharingLimits.defaults() : limits;
    }

    public SharingClientSettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy,
                                 int downloadParallelism, Path cacheDir, ProxySelector proxySelector,
                                 SSLContext sslContext, Clock clock, Sleeper sleeper, int pageSize, int maxPages,
                                 int maxUrlRefreshes, Duration urlRefreshMargin, SharingLimits limits) {
        this(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir, proxySelector, sslContext,
                clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin, limits,
                DEFAULT_MAX_FILES_PER_PAGE);
    }

    public static SharingClientSettings defaults() {
        return new SharingClientSettings(Duration.ofSeconds(15), Duration.ofSeconds(120), RetryPolicy.defaults(), 4,
                Path.of(System.getProperty("java.io.tmpdir"), "ciw-delta-sharing-cache"), ProxySelector.getDefault(),
                null, Clock.systemUTC(), Sleeper.SYSTEM, 500, 1000, 3, Duration.ofMinutes(2), SharingLimits.defaults(),
                DEFAULT_MAX_FILES_PER_PAGE);
    }

    public SharingClientSettings withCacheDir(Path dir) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, dir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withTimeouts(Duration connect, Duration request) {
        return new SharingClientSettings(connect, request, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withRetryPolicy(RetryPolicy policy) {
        return new SharingClientSettings(connectTimeout, requestTimeout, policy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withDownloadParallelism(int files) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, files, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withProxySelector(ProxySelector selector) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                selector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withSslContext(SSLContext context) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, context, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withClock(Clock newClock) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, newClock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withSleeper(Sleeper newSleeper) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, newSleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withPaging(int itemsPerPage, int pageCap) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, itemsPerPage, pageCap, maxUrlRefreshes, urlRefreshMargin,
                limits, maxFilesPerPage);
    }

    public SharingClientSettings withUrlRefresh(int maxRefreshes, Duration margin) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxRefreshes, margin, limits,
                maxFilesPerPage);
    }

    public SharingClientSettings withLimits(SharingLimits newLimits) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                newLimits, maxFilesPerPage);
    }

    public SharingClientSettings withMaxFilesPerPage(int files) {
        return new SharingClientSettings(connectTimeout, requestTimeout, retryPolicy, downloadParallelism, cacheDir,
                proxySelector, sslContext, clock, sleeper, pageSize, maxPages, maxUrlRefreshes, urlRefreshMargin,
                limits, files);
    }
}
