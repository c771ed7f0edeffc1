package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;

/** One line of a metadata or query response (parquet response format), with the line it came from. */
public sealed interface Action {

    int line();

    /** @param deltaFormat true when the line is in the Delta response format, which this client does not read */
    record Protocol(int line, int minReaderVersion, boolean deltaFormat) implements Action {
    }

    /**
     * @param accessModes   empty when the server does not say (URL access)
     * @param configuration the table's properties; empty when the server does not send them
     */
    record Metadata(int line, String id, String name, String provider, String schemaString,
                    List<String> partitionColumns, List<String> accessModes, OptionalLong size,
                    OptionalLong numFiles, Map<String, String> configuration, boolean deltaFormat) implements Action {
    }

    record File(int line, SharedFile file) implements Action {
    }

    /** A data change file ({@code add}, {@code cdf} or {@code remove}) of a change data feed answer. */
    record Change(int line, String key, ChangeFile change) implements Action {
    }

    /** Always last when present; a set {@code errorMessage} means the query failed although the status was 200. */
    record EndStream(int line, String refreshToken, String nextPageToken, OptionalLong minUrlExpirationTimestamp,
                     String errorMessage) implements Action {
    }

    /** A known action this client does not expect ({@code queryStatus} of an asynchronous query). */
    record Unexpected(int line, String key) implements Action {
    }
}
