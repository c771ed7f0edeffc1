package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions.PartitionDateRange;
import uk.consumptioninsights.dataaccess.sharing.Share;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
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

    /**
     * The change data feed of the versions in {@code range}. An open end is pinned to the version that is latest when
     * asked, and an end by time to the version it stands for, so the answer covers known versions; every action must
     * lie within them. A refusal for a table that does not record changes says so.
     */
    public TableChanges changes(SharedTable table, ChangeRange range, Progress progress) {
        TableMetadataCheck.requireUrlAccess(table);
        String what = "the changes of " + table.qualifiedName();
        ApiRequest request = ApiRequest.get(tablePath(table, "changes"), Map.of(),
                        "read the changes of table " + table.qualifiedName(), tableSubject(table))
                .withHeader(Capabilities.HEADER, Capabilities.QUERY_REQUEST);
        request = range.startingVersion().isPresent()
                ? request.withQuery("startingVersion", Long.toString(range.startingVersion().getAsLong()))
                : request.withQuery("startingTimestamp", timestamp(range.startingTimestamp()));
        long endingVersion;
        if (range.endingTimestamp() != null) {
            endingVersion = lastVersionAtOrBefore(table, range.endingTimestamp(), progress);
            request = request.withQuery("endingTimestamp", timestamp(range.endingTimestamp()));
        } else {
            endingVersion = range.endingVersion().isPresent() ? range.endingVersion().getAsLong()
                    : tableVersion(table, progress);
            request = request.withQuery("endingVersion", Long.toString(endingVersion));
        }
        ChangesAnswer answer;
        try {
            answer = transport.send(request, progress, (headers, body) -> {
                Capabilities answered = ResponseHeaders.requireParquet(headers, what);
                return new ChangesAnswer(ChangesResponse.read(body, answered.promisesEndStreamAction(), false, what,
                        limits.maxLineBytes()), ResponseHeaders.optionalTableVersion(headers, what));
            });
        } catch (SharingException refused) {
            throw refused.category() == Category.BAD_REQUEST ? withoutChangeDataFeed(table, refused, progress)
                    : refused;
        }
        long startingVersion = range.startingVersion().isPresent() ? range.startingVersion().getAsLong()
                : answer.startingVersion().isPresent() ? answer.startingVersion().getAsLong()
                : tableVersion(table, range.startingTimestamp(), progress);
        for (ChangeFile change : answer.result().changes()) {
            if (change.commitVersion() < startingVersion || change.commitVersion() > endingVersion) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server's answer to " + what + " holds "
                        + "a change of version " + change.commitVersion() + " (file "
                        + ActionParser.quote(change.file().id()) + "), outside the versions " + startingVersion
                        + " to " + endingVersion + " that were asked for, so the changes cannot be trusted. Tell "
                        + "your data provider; trying again will not help.");
            }
        }
        TableMetadata metadata = TableMetadataCheck.check(table, answer.result().protocol(),
                answer.result().metadata(), endingVersion);
        List<ChangeFile> files = answer.result().changes().stream()
                .sorted(Comparator.comparingLong(ChangeFile::commitVersion)).toList();
        LOG.info("Table {} versions {} to {}: {} change files", table.qualifiedName(), startingVersion,
                endingVersion, files.size());
        return new TableChanges(table, metadata, startingVersion, endingVersion, files);
    }

    /**
     * The data files added and removed by the commits from {@code startingVersion} on, through a query with
     * {@code startingVersion} (the protocol's streaming read): {@code add} and {@code remove} actions only, never the
     * change data files. An open end is pinned to the version latest when asked; actions past the end (the protocol
     * makes {@code endingVersion} only a hint) are dropped, and one before the start is an error.
     */
    public TableChanges dataChanges(SharedTable table, long startingVersion, OptionalLong endingVersion,
                                    Progress progress) {
        TableMetadataCheck.requireUrlAccess(table);
        String what = "the data changes of " + table.qualifiedName() + " since version " + startingVersion;
        long end = endingVersion.isPresent() ? endingVersion.getAsLong() : tableVersion(table, progress);
        ObjectNode body = SharingJson.MAPPER.createObjectNode().put("startingVersion", startingVersion)
                .put("endingVersion", end).put("maxFiles", maxFilesPerPage);
        TableMetadata metadata = null;
        List<ChangeFile> files = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String pageToken = null;
        for (int page = 1; ; page++) {
            String pageBody = pageToken == null ? body.toString() : body.deepCopy().put("pageToken", pageToken)
                    .toString();
            ChangesResponse.Result answer = transport.send(new ApiRequest(tablePath(table, "query"), Map.of(),
                    Map.of(Capabilities.HEADER, Capabilities.QUERY_REQUEST), pageBody,
                    "list the data changes of table " + table.qualifiedName(), tableSubject(table)), progress,
                    (headers, answerBody) -> ChangesResponse.read(answerBody,
                            ResponseHeaders.requireParquet(headers, what).promisesEndStreamAction(), true, what,
                            limits.maxLineBytes()));
            TableMetadata pageMetadata = TableMetadataCheck.check(table, answer.protocol(), answer.metadata(), end);
            if (metadata != null && !metadata.tableId().equals(pageMetadata.tableId())) {
                throw SharingException.retryable(Category.PROTOCOL, "The table " + table.qualifiedName()
                        + " was re-created while the sharing server was listing its data changes. Try again.", null);
            }
            metadata = pageMetadata;
            for (ChangeFile change : answer.changes()) {
                if (change.commitVersion() < startingVersion) {
                    throw SharingException.of(Category.PROTOCOL, "The sharing server's answer to " + what
                            + " holds a change of version " + change.commitVersion() + " (file "
                            + ActionParser.quote(change.file().id()) + "), before the version asked for, so the "
                            + "changes cannot be trusted. Tell your data provider; trying again will not help.");
                }
                if (change.commitVersion() <= end) {
                    files.add(change);
                }
            }
            pageToken = answer.end() == null ? null : answer.end().nextPageToken();
            if (pageToken == null) {
                break;
            }
            if (!tokens.add(pageToken) || page >= maxPages) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server kept sending more pages of data "
                        + "changes for " + table.qualifiedName() + " (page " + page + "), so the workbench stopped. "
                        + "Tell your data provider.");
            }
        }
        files.sort(Comparator.comparingLong(ChangeFile::commitVersion));
        LOG.info("Table {} versions {} to {}: {} data change files", table.qualifiedName(), startingVersion, end,
                files.size());
        return new TableChanges(table, metadata, startingVersion, end, files);
    }

    /** @param startingVersion the Delta-Table-Version header, which the protocol leaves optional here */
    private record ChangesAnswer(ChangesResponse.Result result, OptionalLong startingVersion) {
    }

    /**
     * The last version committed at or before {@code time}: one before the first committed after it. When none was
     * committed after it (the server refuses a time past its latest commit) that is the latest version.
     */
    private long lastVersionAtOrBefore(SharedTable table, Instant time, Progress progress) {
        Instant justAfter = time.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        try {
            return tableVersion(table, justAfter, progress) - 1;
        } catch (SharingException e) {
            if (e.category() != Category.BAD_REQUEST) {
                throw e;
            }
            return tableVersion(table, progress);
        }
    }

    /**
     * A 400 to a changes request: when the table does not record its changes, the user is told so and what to do
     * instead; any other refusal (a time before the table existed, say) stands as the server put it.
     */
    private SharingException withoutChangeDataFeed(SharedTable table, SharingException refused, Progress progress) {
        TableMetadata metadata;
        try {
            metadata = metadata(table, progress);
        } catch (SharingException notReadable) {
            return refused;
        }
        if (metadata.changeDataFeed()) {
            return refused;
        }
        return SharingException.http(Category.UNSUPPORTED, "The table " + table.qualifiedName() + " does not "
                + "record its row changes (its change data feed is off), so its changes cannot be read. Download the "
                + "whole table again instead, or ask your data provider to set " + TableMetadata.CHANGE_DATA_FEED
                + "=true on it and share its history.", refused.httpStatus().orElse(400), false,
                refused.serverErrorCode().orElse(null), null);
    }

    private static String timestamp(Instant time) {
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

    private static List<String> tablePath(SharedTable table, String last) {
        return List.of("shares", table.share(), "schemas", table.schema(), "tables", table.name(), last);
    }

    private static String tableSubject(SharedTable table) {
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
