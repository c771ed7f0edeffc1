package uk.consumptioninsights.dataaccess.sharing;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;

/**
 * One Parquet file of a snapshot. {@code id} is stable across queries (the cache key); {@code url} is a short-lived
 * pre-signed storage URL whose query string is a credential, so {@link #toString()} leaves it out.
 *
 * @param partitionValues     partition column → serialised value; an empty string means NULL
 * @param numRecords          rows in the file, from the file's stats when present
 * @param expirationTimestamp when the URL stops working, epoch milliseconds, when the server says
 */
public record SharedFile(String id, String url, Map<String, String> partitionValues, long size,
                         OptionalLong numRecords, OptionalLong expirationTimestamp) {

    public SharedFile {
        partitionValues = Map.copyOf(partitionValues);
    }

    /** The same file at a fresh URL. */
    public SharedFile withUrl(String freshUrl, OptionalLong freshExpiration) {
        return new SharedFile(id, freshUrl, partitionValues, size, numRecords, freshExpiration);
    }

    /** True when the URL expires before {@code deadline} (false when the server gave no expiry). */
    public boolean urlExpiresBefore(Instant deadline) {
        return expirationTimestamp.isPresent() && expirationTimestamp.getAsLong() < deadline.toEpochMilli();
    }

    @Override
    public String toString() {
        return "SharedFile[id=" + id + ", url=" + Redaction.url(url) + ", partitionValues=" + partitionValues
                + ", size=" + size + ", numRecords=" + numRecords + ", expirationTimestamp=" + expirationTimestamp
                + "]";
    }
}
