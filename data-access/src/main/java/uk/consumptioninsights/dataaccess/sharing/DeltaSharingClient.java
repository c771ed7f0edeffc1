package uk.consumptioninsights.dataaccess.sharing;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.BearerToken;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;
import uk.consumptioninsights.dataaccess.sharing.auth.ClientCredentialsTokens;
import uk.consumptioninsights.dataaccess.sharing.auth.StaticBearerToken;
import uk.consumptioninsights.dataaccess.sharing.auth.TokenSource;
import uk.consumptioninsights.dataaccess.sharing.download.ChangesDownloader;
import uk.consumptioninsights.dataaccess.sharing.download.ParallelDownloads;
import uk.consumptioninsights.dataaccess.sharing.download.SnapshotDownloader;
import uk.consumptioninsights.dataaccess.sharing.download.StorageFetcher;
import uk.consumptioninsights.dataaccess.sharing.download.TableCache;
import uk.consumptioninsights.dataaccess.sharing.http.ApiTransport;
import uk.consumptioninsights.dataaccess.sharing.http.EndpointAddress;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.dataaccess.sharing.http.UserAgent;
import uk.consumptioninsights.dataaccess.sharing.protocol.ChangeFeedApi;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingApi;
import uk.consumptioninsights.model.work.Progress;

/**
 * A Delta Sharing recipient: browses a provider's shares, reads table metadata and snapshots, and brings a
 * snapshot's Parquet files to a local cache. Every failure is a {@link SharingException} with a message for the user;
 * cancellation through {@link Progress} ends work with a {@link java.util.concurrent.CancellationException}. Creating a
 * client makes no network call.
 */
public final class DeltaSharingClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaSharingClient.class);

    private final SharingProfile profile;
    private final SharingApi api;
    private final ChangeFeedApi changeFeed;
    private final SnapshotDownloader downloader;
    private final ChangesDownloader changesDownloader;

    public DeltaSharingClient(SharingProfile profile) {
        this(profile, SharingClientSettings.defaults());
    }

    public DeltaSharingClient(SharingProfile profile, SharingClientSettings settings) {
        this.profile = profile;
        Redaction redaction = new Redaction();
        Retrier retrier = new Retrier(settings.retryPolicy(), settings.sleeper());
        String userAgent = UserAgent.value();
        // Never follow redirects with the token or client secret attached: they could lead to another host.
        HttpClient apiHttp = http(settings, HttpClient.Redirect.NEVER);
        HttpClient storageHttp = http(settings, HttpClient.Redirect.NORMAL);
        TokenSource tokens = tokens(profile, settings, redaction, retrier, apiHttp, userAgent);
        EndpointAddress endpoint = new EndpointAddress(profile.endpoint());
        ApiTransport transport = new ApiTransport(endpoint, tokens, apiHttp, retrier, settings.requestTimeout(),
                userAgent, new HttpFailures(redaction, settings.clock(), tokens::rejectionAdvice), redaction,
                settings.limits());
        this.api = new SharingApi(transport, settings.pageSize(), settings.maxPages(), settings.maxFilesPerPage(),
                settings.limits());
        this.changeFeed = new ChangeFeedApi(api, transport, settings.maxPages(), settings.maxFilesPerPage(),
                settings.limits());
        StorageFetcher fetcher = new StorageFetcher(storageHttp, settings.requestTimeout(), userAgent,
                settings.clock(), settings.limits());
        ParallelDownloads downloads = new ParallelDownloads(fetcher, retrier, settings.downloadParallelism(),
                settings.urlRefreshMargin(), settings.clock());
        TableCache cache = new TableCache(settings.cacheDir());
        this.downloader = new SnapshotDownloader(cache, downloads, api::query, api::renew, endpoint.base().toString(),
                settings.maxUrlRefreshes(), settings.clock());
        this.changesDownloader = new ChangesDownloader(cache, downloads, changeFeed::changes,
                (table, range, progress) -> changeFeed.dataChanges(table, range.startingVersion().orElseThrow(),
                        range.endingVersion(), progress), settings.maxUrlRefreshes());
        if (profile.isExpired(settings.clock().instant())) {
            LOG.warn("The profile's token expired at {}; the server will probably refuse it",
                    profile.expirationTime());
        }
    }

    private static HttpClient http(SharingClientSettings settings, HttpClient.Redirect redirects) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(redirects);
        if (settings.proxySelector() != null) {
            builder.proxy(settings.proxySelector());
        }
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        return builder.build();
    }

    private static TokenSource tokens(SharingProfile profile, SharingClientSettings settings, Redaction redaction,
                                      Retrier retrier, HttpClient http, String userAgent) {
        if (profile.credentials() instanceof BearerToken bearer) {
            redaction.add(bearer.token());
            return new StaticBearerToken(bearer.token(), profile.expirationTime(), settings.clock());
        }
        OAuthClientCredentials oauth = (OAuthClientCredentials) profile.credentials();
        return new ClientCredentialsTokens(oauth, http, retrier, settings.requestTimeout(), userAgent,
                settings.clock(), redaction, settings.limits());
    }

    public SharingProfile profile() {
        return profile;
    }

    public List<String> listShares() {
        return listShares(Progress.NONE);
    }

    public List<String> listShares(Progress progress) {
        return api.listShares(progress);
    }

    /** The share as the server describes it; a NOT_FOUND failure when it is not shared with this recipient. */
    public Share share(String share) {
        return share(share, Progress.NONE);
    }

    public Share share(String share, Progress progress) {
        return api.share(share, progress);
    }

    public List<String> listSchemas(String share) {
        return listSchemas(share, Progress.NONE);
    }

    public List<String> listSchemas(String share, Progress progress) {
        return api.listSchemas(share, progress);
    }

    public List<SharedTable> listTables(String share, String schema) {
        return listTables(share, schema, Progress.NONE);
    }

    public List<SharedTable> listTables(String share, String schema, Progress progress) {
        return api.listTables(share, schema, progress);
    }

    /** Every table of the share, through all-tables, or schema by schema on servers without it. */
    public List<SharedTable> listAllTables(String share) {
        return listAllTables(share, Progress.NONE);
    }

    public List<SharedTable> listAllTables(String share, Progress progress) {
        return api.listAllTables(share, progress);
    }

    /** The table's current version: a cheap way to see whether a cached copy is stale. */
    public long tableVersion(SharedTable table) {
        return tableVersion(table, Progress.NONE);
    }

    public long tableVersion(SharedTable table, Progress progress) {
        return api.tableVersion(table, progress);
    }

    /**
     * The earliest version committed at or after {@code startingTimestamp} (the table's history must be shared); a
     * time before the first commit gives version 0.
     */
    public long tableVersion(SharedTable table, Instant startingTimestamp, Progress progress) {
        return api.tableVersion(table, startingTimestamp, progress);
    }

    public TableMetadata metadata(SharedTable table) {
        return metadata(table, Progress.NONE);
    }

    public TableMetadata metadata(SharedTable table, Progress progress) {
        return api.metadata(table, progress);
    }

    public TableSnapshot query(SharedTable table, QueryOptions options) {
        return query(table, options, Progress.NONE);
    }

    public TableSnapshot query(SharedTable table, QueryOptions options, Progress progress) {
        return api.query(table, options, progress);
    }

    /** Downloads (or reuses from the cache) every file of the snapshot; complete or a failure, never partial. */
    public DownloadedTable download(TableSnapshot snapshot, Progress progress) {
        return downloader.download(snapshot, progress);
    }

    /**
     * The row changes of the versions in {@code range}, both ends inclusive: one {@link ChangeFile} per {@code add},
     * {@code cdf} or {@code remove} action, ordered by commit version, each with its commit's version and time. An
     * open-ended range ends at the version that is latest when asked. A table that does not record its changes
     * ({@link TableMetadata#changeDataFeed()} false) fails with an UNSUPPORTED {@link SharingException} that says so.
     */
    public TableChanges changes(SharedTable table, ChangeRange range, Progress progress) {
        return changeFeed.changes(table, range, progress);
    }

    /**
     * The data files the commits from {@code startingVersion} to {@code endingVersion} (inclusive; empty for the
     * latest) added and removed, through the query's {@code startingVersion}: {@code add} rows are inserts and
     * {@code remove} rows deletes, as for {@link #changes}, but an update shows as its rewritten files rather than as
     * row images, and the table need not record its changes (its history must be shared). Downloads with
     * {@link #download(TableChanges, Progress)}.
     */
    public TableChanges dataChanges(SharedTable table, long startingVersion, OptionalLong endingVersion,
                                    Progress progress) {
        return changeFeed.dataChanges(table, startingVersion, endingVersion, progress);
    }

    /**
     * Downloads (or reuses from the cache) every file of a change data feed answer; complete or a failure, never
     * partial. Expired links are renewed by asking for the same versions again.
     */
    public DownloadedChanges download(TableChanges changes, Progress progress) {
        return changesDownloader.download(changes, progress);
    }

    /**
     * The newest complete cached copy of the table for these options (the exact version if the options name one),
     * without any network access: for opening a table offline.
     */
    public Optional<DownloadedTable> openCached(SharedTable table, QueryOptions options) {
        return downloader.openCached(table, options);
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close; its threads end when it is no longer referenced.
    }
}
