package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions.PartitionDateRange;
import uk.consumptioninsights.dataaccess.sharing.Share;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.dataaccess.sharing.http.ApiRequest;
import uk.consumptioninsights.dataaccess.sharing.http.ApiTransport;
import uk.consumptioninsights.dataaccess.sharing.http.DotSegment;
import uk.consumptioninsights.model.work.Progress;

/**
 * The Delta Sharing REST calls this client makes, each checked against the protocol and the {@link SharingLimits}.
 * Names are checked before any request: {@code .} and {@code ..} would address another path.
 */
public final class SharingApi {

    private static final Logger LOG = LoggerFactory.getLogger(SharingApi.class);

    private final ApiTransport transport;
    private final int pageSize;
    private final int maxPages;
    private final int maxFilesPerPage;
    private final SharingLimits limits;

    /**
     * @param pageSize        maxResults per list page (never 0)
     * @param maxPages        the loop guard for list and query pages
     * @param maxFilesPerPage maxFiles per page of a query answer
     */
    public SharingApi(ApiTransport transport, int pageSize, int maxPages, int maxFilesPerPage, SharingLimits limits) {
        if (pageSize < 1 || maxFilesPerPage < 1) {
            throw new IllegalArgumentException("A page must ask for at least one item");
        }
        this.transport = transport;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.maxFilesPerPage = maxFilesPerPage;
        this.limits = limits;
    }

    public List<String> listShares(Progress progress) {
        return PageCollector.collect((token, left) -> transport.send(
                listRequest(List.of("shares"), token, "list the shares", "The list of shares"), progress,
                (headers, body) -> ListResponses.names(body, "shares", left)), maxPages,
                new ListBudget(limits.maxListedItems(), "shares"), "shares", progress);
    }

    public List<String> listSchemas(String share, Progress progress) {
        requireAddressable(share, "share");
        String what = "schemas in " + share;
        return PageCollector.collect((token, left) -> transport.send(
                listRequest(List.of("shares", share, "schemas"), token, "list the schemas of share '" + share + "'",
                        "Share '" + share + "'"), progress,
                (headers, body) -> ListResponses.names(body, what, left)), maxPages,
                new ListBudget(limits.maxListedItems(), what), what, progress);
    }

    public List<SharedTable> listTables(String share, String schema, Progress progress) {
        requireAddressable(share, "share");
        requireAddressable(schema, "schema");
        return listTables(share, schema, new ListBudget(limits.maxListedItems(), "tables in " + share + "." + schema),
                progress);
    }

    private List<SharedTable> listTables(String share, String schema, ListBudget budget, Progress progress) {
        String where = share + "." + schema;
        return PageCollector.collect((token, left) -> transport.send(
                listRequest(List.of("shares", share, "schemas", schema, "tables"), token,
                        "list the tables of schema '" + where + "'", "Schema '" + where + "' (or its share)"),
                progress, (headers, body) -> ListResponses.tables(body, "tables in " + where, share, schema, left)),
                maxPages, budget, "tables in " + where, progress);
    }

    /** Every table of a share; servers without the all-tables call (404) are asked schema by schema. */
    public List<SharedTable> listAllTables(String share, Progress progress) {
        requireAddressable(share, "share");
        String what = "tables in share " + share;
        try {
            return PageCollector.collect((token, left) -> transport.send(
                    listRequest(List.of("shares", share, "all-tables"), token,
                            "list the tables of share '" + share + "'", "Share '" + share + "'"), progress,
                    (headers, body) -> ListResponses.tables(body, "tables in " + share, share, null, left)),
                    maxPages, new ListBudget(limits.maxListedItems(), what), "tables in " + share, progress);
        } catch (SharingException e) {
            if (e.category() != Category.NOT_FOUND) {
                throw e;
            }
            LOG.info("The server has no all-tables list for share {}; listing schema by schema", share);
            ListBudget budget = new ListBudget(limits.maxListedItems(), what);
            List<SharedTable> tables = new ArrayList<>();
            for (String schema : listSchemas(share, progress)) {
                tables.addAll(listTables(share, schema, budget, progress));
            }
            return tables;
        }
    }

    public Share share(String share, Progress progress) {
        requireAddressable(share, "share");
        return transport.send(ApiRequest.get(List.of("shares", share), Map.of(), "read share '" + share + "'",
                        "Share '" + share + "'").withBodyLimit(limits.maxListPageBytes()), progress,
                (headers, body) -> ShareResponse.read(body, share));
    }

    /** The earliest version committed at or after {@code startingTimestamp} (needs history sharing). */
    public long tableVersion(SharedTable table, Instant startingTimestamp, Progress progress) {
        String what = "the version of " + table.qualifiedName() + " at " + timestamp(startingTimestamp);
        return transport.send(ApiRequest.get(tablePath(table, "version"),
                        Map.of("startingTimestamp", timestamp(startingTimestamp)),
                        "read the version of table " + table.qualifiedName() + " at " + timestamp(startingTimestamp),
                        tableSubject(table)), progress,
                (headers, body) -> ResponseHeaders.tableVersion(headers, what));
    }

    public long tableVersion(SharedTable table, Progress progress) {
        String what = "the version of " + table.qualifiedName();
        return transport.send(ApiRequest.get(tablePath(table, "version"), Map.of(),
                        "read the version of table " + table.qualifiedName(), tableSubject(table)), progress,
                (headers, body) -> ResponseHeaders.tableVersion(headers, what));
    }

    public TableMetadata metadata(SharedTable table, Progress progress) {
        String what = "the metadata of " + table.qualifiedName();
        ApiRequest request = ApiRequest.get(tablePath(table, "metadata"), Map.of(),
                        "read the metadata of table " + table.qualifiedName(), tableSubject(table))
                .withHeader(Capabilities.HEADER, Capabilities.METADATA_REQUEST);
        return transport.send(request, progress, (headers, body) -> {
            ResponseHeaders.requireParquet(headers, what);
            long version = ResponseHeaders.tableVersion(headers, what);
            QueryResponse.Result result = QueryResponse.readMetadata(body, what, limits.maxLineBytes());
            return TableMetadataCheck.check(table, result.protocol(), result.metadata(), version);
        });
    }

    /**
     * The table's files at the latest or the asked version. Files outside a date range on a partition column are
     * dropped here too, since servers may ignore the hint.
     */
    public TableSnapshot query(SharedTable table, QueryOptions options, Progress progress) {
        return query(table, options, null, progress);
    }

    /**
     * The same files as an earlier latest-snapshot answer at fresh URLs, through the refresh token that answer gave
     * (delta-sharing issue #383): unlike asking again, this works after the table moved on and without history sharing.
     */
    public TableSnapshot renew(SharedTable table, QueryOptions options, String refreshToken, Progress progress) {
        return query(table, options, refreshToken, progress);
    }

    private TableSnapshot query(SharedTable table, QueryOptions options, String refreshToken, Progress progress) {
        TableMetadataCheck.requireUrlAccess(table);
        String what = "the query for " + table.qualifiedName();
        QueryPages pages = new QueryPages(table);
        Set<String> tokens = new HashSet<>();
        String pageToken = null;
        String nextRefreshToken = null;
        for (int page = 1; ; page++) {
            VersionedAnswer result = queryPage(table, options, pageToken, refreshToken, progress, what);
            Action.EndStream end = result.answer().end();
            pageToken = end == null ? null : end.nextPageToken();
            if (end != null && end.refreshToken() != null && !end.refreshToken().isEmpty()) {
                nextRefreshToken = end.refreshToken();
            }
            // An endless server is named as such, before its repeated pages are taken for contradictions.
            if (pageToken != null && (!tokens.add(pageToken) || page >= maxPages)) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server kept sending more pages of files "
                        + "for " + table.qualifiedName() + " (page " + page + "), so the workbench stopped. Tell "
                        + "your data provider.");
            }
            pages.add(TableMetadataCheck.check(table, result.answer().protocol(), result.answer().metadata(),
                    result.version()), result.answer().files());
            if (pageToken == null) {
                break;
            }
        }
        TableMetadata metadata = pages.metadata();
        List<SharedFile> files = pages.files();
        List<SharedFile> kept = withinDateRange(files, metadata, options.dateRange());
        LOG.info("Table {} version {}: {} files ({} outside the date range) in {} page(s)", table.qualifiedName(),
                metadata.version(), kept.size(), files.size() - kept.size(), tokens.size() + 1);
        return new TableSnapshot(table, metadata, metadata.version(), kept, options, nextRefreshToken);
    }

    static String timestamp(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private record VersionedAnswer(QueryResponse.Result answer, long version) {
    }

    /** A refresh token is asked for on latest-snapshot queries only: a pinned version needs no renewal token. */
    private VersionedAnswer queryPage(SharedTable table, QueryOptions options, String pageToken, String refreshToken,
                                      Progress progress, String what) {
        String body = QueryBody.of(options, pageToken, maxFilesPerPage, options.version().isEmpty(), refreshToken);
        ApiRequest request = new ApiRequest(tablePath(table, "query"), Map.of(),
                Map.of(Capabilities.HEADER, Capabilities.QUERY_REQUEST), body,
                "list the files of table " + table.qualifiedName(), tableSubject(table));
        return transport.send(request, progress, (headers, answerBody) -> {
            Capabilities answered = ResponseHeaders.requireParquet(headers, what);
            long version = ResponseHeaders.tableVersion(headers, what);
            QueryResponse.Result answer = QueryResponse.readQuery(answerBody, answered.promisesEndStreamAction(), what,
                    limits.maxLineBytes());
            return new VersionedAnswer(answer, version);
        });
    }

    private static List<SharedFile> withinDateRange(List<SharedFile> files, TableMetadata metadata,
                                                    PartitionDateRange range) {
        if (range == null || !metadata.isPartitionColumn(range.column())
                || !metadata.column(range.column()).map(c -> c.deltaType().equals("date")).orElse(false)) {
            return files;
        }
        List<SharedFile> kept = new ArrayList<>();
        for (SharedFile file : files) {
            String raw = file.partitionValues().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(range.column())).map(Map.Entry::getValue)
                    .findFirst().orElse("");
            try {
                if (!raw.isEmpty() && range.contains(LocalDate.parse(raw.trim()))) {
                    kept.add(file);
                }
            } catch (DateTimeParseException e) {
                kept.add(file);
            }
        }
        return kept;
    }

    private ApiRequest listRequest(List<String> path, String pageToken, String action, String subject) {
        ApiRequest request = ApiRequest.get(path, Map.of(), action, subject)
                .withQuery("maxResults", Integer.toString(pageSize))
                .withBodyLimit(limits.maxListPageBytes());
        return pageToken == null ? request : request.withQuery("pageToken", pageToken);
    }

    static List<String> tablePath(SharedTable table, String last) {
        return List.of("shares", table.share(), "schemas", table.schema(), "tables", table.name(), last);
    }

    static String tableSubject(SharedTable table) {
        return "Table '" + table.qualifiedName() + "' (or its share or schema)";
    }

    /** Refuses a name that cannot be a path segment before it is sent. */
    private static void requireAddressable(String name, String level) {
        if (DotSegment.is(name)) {
            throw SharingException.of(Category.BAD_REQUEST, "The " + level + " name '" + name + "' cannot be asked "
                    + "for: in a web address '.' and '..' mean this folder and the one above, so the request would "
                    + "reach another path. Check the " + level + " name.");
        }
    }
}
