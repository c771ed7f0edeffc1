package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.http.ApiRequest;
import uk.consumptioninsights.dataaccess.sharing.http.ApiTransport;
import uk.consumptioninsights.model.work.Progress;

/**
 * The calls that read what changed between versions: the change data feed ({@code GET .../changes}) and the query
 * from a starting version. Both pin an open end to the version latest when asked, so an answer always covers known
 * versions, and check every action's version against them.
 */
public final class ChangeFeedApi {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedApi.class);

    private final SharingApi api;
    private final ApiTransport transport;
    private final int maxPages;
    private final int maxFilesPerPage;
    private final SharingLimits limits;

    /** @param api for the version and metadata calls the range and error handling need */
    public ChangeFeedApi(SharingApi api, ApiTransport transport, int maxPages, int maxFilesPerPage,
                         SharingLimits limits) {
        this.api = api;
        this.transport = transport;
        this.maxPages = maxPages;
        this.maxFilesPerPage = maxFilesPerPage;
        this.limits = limits;
    }

    /**
     * The change data feed of the versions in {@code range}. An open end is pinned to the version that is latest when
     * asked, and an end by time to the version it stands for, so the answer covers known versions; every action must
     * lie within them. A refusal for a table that does not record changes says so.
     */
    public TableChanges changes(SharedTable table, ChangeRange range, Progress progress) {
        TableMetadataCheck.requireUrlAccess(table);
        String what = "the changes of " + table.qualifiedName();
        ApiRequest request = ApiRequest.get(SharingApi.tablePath(table, "changes"), Map.of(),
                        "read the changes of table " + table.qualifiedName(), SharingApi.tableSubject(table))
                .withHeader(Capabilities.HEADER, Capabilities.QUERY_REQUEST);
        request = range.startingVersion().isPresent()
                ? request.withQuery("startingVersion", Long.toString(range.startingVersion().getAsLong()))
                : request.withQuery("startingTimestamp", SharingApi.timestamp(range.startingTimestamp()));
        long endingVersion;
        if (range.endingTimestamp() != null) {
            endingVersion = lastVersionAtOrBefore(table, range.endingTimestamp(), progress);
            request = request.withQuery("endingTimestamp", SharingApi.timestamp(range.endingTimestamp()));
        } else {
            endingVersion = range.endingVersion().isPresent() ? range.endingVersion().getAsLong()
                    : api.tableVersion(table, progress);
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
                : api.tableVersion(table, range.startingTimestamp(), progress);
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
        long end = endingVersion.isPresent() ? endingVersion.getAsLong() : api.tableVersion(table, progress);
        ObjectNode body = SharingJson.MAPPER.createObjectNode().put("startingVersion", startingVersion)
                .put("endingVersion", end).put("maxFiles", maxFilesPerPage);
        TableMetadata metadata = null;
        List<ChangeFile> files = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String pageToken = null;
        for (int page = 1; ; page++) {
            String pageBody = pageToken == null ? body.toString() : body.deepCopy().put("pageToken", pageToken)
                    .toString();
            ApiRequest request = new ApiRequest(SharingApi.tablePath(table, "query"), Map.of(),
                    Map.of(Capabilities.HEADER, Capabilities.QUERY_REQUEST), pageBody,
                    "list the data changes of table " + table.qualifiedName(), SharingApi.tableSubject(table));
            ChangesResponse.Result answer = transport.send(request, progress,
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
            return api.tableVersion(table, justAfter, progress) - 1;
        } catch (SharingException e) {
            if (e.category() != Category.BAD_REQUEST) {
                throw e;
            }
            return api.tableVersion(table, progress);
        }
    }

    /**
     * A 400 to a changes request: when the table does not record its changes, the user is told so and what to do
     * instead; any other refusal (a time before the table existed, say) stands as the server put it.
     */
    private SharingException withoutChangeDataFeed(SharedTable table, SharingException refused, Progress progress) {
        TableMetadata metadata;
        try {
            metadata = api.metadata(table, progress);
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
}
