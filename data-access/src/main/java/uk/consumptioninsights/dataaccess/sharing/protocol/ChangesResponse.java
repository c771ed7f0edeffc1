package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Reads a change data feed answer, or a query answer from a starting version, as it streams: protocol and metaData
 * first (in either order), then {@code add}, {@code cdf} and {@code remove} actions in any order, each with its commit
 * version and timestamp, then an optional endStreamAction that must be last. Later metaData lines are the table's
 * historical metadata, which the protocol allows in these answers; they are passed over, since the files are read by
 * column name. A file may appear more than once (added by one commit, removed by a later one), but never twice as the
 * same action of the same commit.
 */
public final class ChangesResponse {

    /** @param end the end-of-stream marker, or null when the server sent none */
    public record Result(Action.Protocol protocol, Action.Metadata metadata, List<ChangeFile> changes,
                         Action.EndStream end) {
    }

    private ChangesResponse() {
    }

    /**
     * @param endPromised  true when the server echoed includeendstreamaction=true
     * @param paged        true when the request allowed pages (maxFiles); otherwise a next page token is an error
     * @param maxLineBytes the longest line read
     */
    public static Result read(InputStream body, boolean endPromised, boolean paged, String what, long maxLineBytes)
            throws IOException {
        Action.Protocol protocol = null;
        Action.Metadata metadata = null;
        Action.EndStream end = null;
        List<ChangeFile> changes = new ArrayList<>();
        Map<String, Integer> lineOfChange = new HashMap<>();
        try (NdjsonReader reader = new NdjsonReader(body, maxLineBytes)) {
            for (Optional<NdjsonReader.Line> line = reader.next(); line.isPresent(); line = reader.next()) {
                Action action = ActionParser.parse(line.get());
                if (end != null) {
                    throw ActionParser.malformed(action.line(), "comes after the end-of-stream marker");
                }
                if (action instanceof Action.Protocol p && protocol == null && changes.isEmpty()) {
                    protocol = p;
                } else if (action instanceof Action.Metadata m && metadata == null && changes.isEmpty()) {
                    metadata = m;
                } else if (action instanceof Action.Metadata && metadata != null) {
                    continue;
                } else if (action instanceof Action.Change c && protocol != null && metadata != null) {
                    String key = c.key() + "@" + c.change().commitVersion() + "#" + c.change().file().id();
                    Integer first = lineOfChange.putIfAbsent(key, c.line());
                    if (first != null) {
                        throw ActionParser.malformed(c.line(), "repeats the " + c.key() + " of file "
                                + ActionParser.quote(c.change().file().id()) + " at version "
                                + c.change().commitVersion() + " from line " + first);
                    }
                    changes.add(c.change());
                } else if (action instanceof Action.EndStream e) {
                    end = e;
                } else if (action instanceof Action.File) {
                    throw ActionParser.malformed(action.line(), "holds a snapshot 'file' action, which a change "
                            + "data feed answer does not have");
                } else if (action instanceof Action.Unexpected u) {
                    throw ActionParser.malformed(u.line(), "holds a '" + u.key()
                            + "' action, which a change data feed answer does not have");
                } else {
                    throw ActionParser.malformed(action.line(), "is out of place: a change data feed answer "
                            + "starts with protocol and metaData, then lists add, cdf and remove actions");
                }
            }
        }
        QueryResponse.requireWhole(protocol, metadata, end, endPromised, what);
        if (end != null && end.nextPageToken() != null && !paged) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server sent only part of " + what + " and "
                    + "offered further pages, which the workbench never asked for. Tell your data provider.");
        }
        return new Result(protocol, metadata, changes, end);
    }
}
