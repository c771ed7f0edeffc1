package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Reads a metadata or query answer as it streams: protocol and metaData first (in either order), then file actions,
 * then an optional endStreamAction that must be last. Everything a 200 answer can still get wrong is a failure: an
 * error in the end-of-stream marker, a missing marker the server promised (a cut-off answer, worth retrying), lines
 * out of place, two files with the same id (one file's rows would be lost and another's counted twice).
 */
public final class QueryResponse {

    /** @param end the end-of-stream marker, or null when the server sent none */
    public record Result(Action.Protocol protocol, Action.Metadata metadata, List<SharedFile> files,
                         Action.EndStream end) {
    }

    private QueryResponse() {
    }

    /**
     * A metadata answer: exactly a protocol and a metaData line.
     *
     * @param maxLineBytes the longest line read
     */
    public static Result readMetadata(InputStream body, String what, long maxLineBytes) throws IOException {
        Action.Protocol protocol = null;
        Action.Metadata metadata = null;
        int count = 0;
        try (NdjsonReader reader = new NdjsonReader(body, maxLineBytes)) {
            for (Optional<NdjsonReader.Line> line = reader.next(); line.isPresent(); line = reader.next()) {
                Action action = ActionParser.parse(line.get());
                count++;
                if (action instanceof Action.Protocol p && protocol == null) {
                    protocol = p;
                } else if (action instanceof Action.Metadata m && metadata == null) {
                    metadata = m;
                } else {
                    throw ActionParser.malformed(action.line(), "is more than the protocol and metaData lines a "
                            + "metadata answer holds");
                }
            }
        }
        if (protocol == null || metadata == null) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's answer to " + what + " has " + count
                    + " of the 2 lines it should (protocol and metaData). Tell your data provider.");
        }
        return new Result(protocol, metadata, List.of(), null);
    }

    /**
     * @param endPromised  true when the server echoed includeendstreamaction=true
     * @param maxLineBytes the longest line read
     */
    public static Result readQuery(InputStream body, boolean endPromised, String what, long maxLineBytes)
            throws IOException {
        Action.Protocol protocol = null;
        Action.Metadata metadata = null;
        Action.EndStream end = null;
        List<SharedFile> files = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        try (NdjsonReader reader = new NdjsonReader(body, maxLineBytes)) {
            for (Optional<NdjsonReader.Line> line = reader.next(); line.isPresent(); line = reader.next()) {
                Action action = ActionParser.parse(line.get());
                if (end != null) {
                    throw ActionParser.malformed(action.line(), "comes after the end-of-stream marker");
                }
                if (action instanceof Action.Protocol p && protocol == null && files.isEmpty()) {
                    protocol = p;
                } else if (action instanceof Action.Metadata m && metadata == null && files.isEmpty()) {
                    metadata = m;
                } else if (action instanceof Action.File f && protocol != null && metadata != null) {
                    Integer first = lineOfId.putIfAbsent(f.file().id(), f.line());
                    if (first != null) {
                        throw ActionParser.malformed(f.line(), "repeats the file id "
                                + ActionParser.quote(f.file().id()) + " of line " + first
                                + ", although each file of a table has its own id");
                    }
                    files.add(f.file());
                } else if (action instanceof Action.EndStream e) {
                    end = e;
                } else if (action instanceof Action.Change c) {
                    throw ActionParser.malformed(c.line(), "holds a '" + c.key()
                            + "' action, which a snapshot query does not expect");
                } else if (action instanceof Action.Unexpected u) {
                    throw ActionParser.malformed(u.line(), "holds a '" + u.key()
                            + "' action, which a snapshot query does not expect");
                } else {
                    throw ActionParser.malformed(action.line(), "is out of place: a query answer starts "
                            + "with protocol and metaData, then lists files");
                }
            }
        }
        requireWhole(protocol, metadata, end, endPromised, what);
        return new Result(protocol, metadata, files, end);
    }

    /**
     * What every streamed answer (query, changes) must be once read: no error reported at its end, its protocol and
     * metaData lines present, and its end there when the server promised one.
     */
    static void requireWhole(Action.Protocol protocol, Action.Metadata metadata, Action.EndStream end,
                             boolean endPromised, String what) {
        if (end != null && end.errorMessage() != null) {
            throw SharingException.of(Category.SERVER, "The sharing server reported an error while sending " + what
                    + ": " + shorten(end.errorMessage()) + ". Try again later; if it keeps happening, tell your "
                    + "data provider.");
        }
        if (protocol == null || metadata == null) {
            throw SharingException.retryable(Category.PROTOCOL, "The sharing server's answer to " + what + " lacks "
                    + "its protocol or metaData line. Try again; if it keeps happening, tell your data provider.",
                    null);
        }
        if (end == null && endPromised) {
            throw SharingException.retryable(Category.PROTOCOL, "The sharing server's answer to " + what + " was cut "
                    + "off before its end. Try again; if it keeps happening, tell your data provider.", null);
        }
    }

    static String shorten(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 299) + "…";
    }
}
