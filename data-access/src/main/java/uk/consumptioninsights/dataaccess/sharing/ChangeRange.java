package uk.consumptioninsights.dataaccess.sharing;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Which commits a change data feed request covers, both ends inclusive (protocol, "Read Change Data Feed from a
 * Table"): it starts at a version or at the first version committed at or after a time, and ends at a version, at the
 * last version committed at or before a time, or (neither) at the table's latest version.
 *
 * @param startingVersion   the first version, or empty when {@code startingTimestamp} is set
 * @param startingTimestamp the time to start from, or null when {@code startingVersion} is set
 * @param endingVersion     the last version, or empty
 * @param endingTimestamp   the time to end at, or null
 */
public record ChangeRange(OptionalLong startingVersion, Instant startingTimestamp, OptionalLong endingVersion,
                          Instant endingTimestamp) {

    public ChangeRange {
        startingVersion = startingVersion == null ? OptionalLong.empty() : startingVersion;
        endingVersion = endingVersion == null ? OptionalLong.empty() : endingVersion;
        if (startingVersion.isPresent() == (startingTimestamp != null)) {
            throw new IllegalArgumentException("A change range starts at a version or at a time: exactly one of them");
        }
        if (endingVersion.isPresent() && endingTimestamp != null) {
            throw new IllegalArgumentException("A change range ends at a version or at a time, not both");
        }
        if (startingVersion.isPresent() && startingVersion.getAsLong() < 0
                || endingVersion.isPresent() && endingVersion.getAsLong() < 0) {
            throw new IllegalArgumentException("A table version cannot be negative");
        }
        if (startingVersion.isPresent() && endingVersion.isPresent()
                && endingVersion.getAsLong() < startingVersion.getAsLong()) {
            throw new IllegalArgumentException("The last version " + endingVersion.getAsLong()
                    + " is before the first " + startingVersion.getAsLong());
        }
        if (startingTimestamp != null && endingTimestamp != null && endingTimestamp.isBefore(startingTimestamp)) {
            throw new IllegalArgumentException("The end " + endingTimestamp + " is before the start "
                    + startingTimestamp);
        }
    }

    /** From {@code version} up to the latest version. */
    public static ChangeRange fromVersion(long version) {
        return new ChangeRange(OptionalLong.of(version), null, OptionalLong.empty(), null);
    }

    /** From the first version committed at or after {@code time} up to the latest version. */
    public static ChangeRange fromTimestamp(Instant time) {
        return new ChangeRange(OptionalLong.empty(), time, OptionalLong.empty(), null);
    }

    /** The same start, ending at {@code version} inclusive. */
    public ChangeRange toVersion(long version) {
        return new ChangeRange(startingVersion, startingTimestamp, OptionalLong.of(version), null);
    }

    /** The same start, ending at the last version committed at or before {@code time}. */
    public ChangeRange toTimestamp(Instant time) {
        return new ChangeRange(startingVersion, startingTimestamp, OptionalLong.empty(), time);
    }

    /** True when no end was given: the range runs to the latest version. */
    public boolean openEnded() {
        return endingVersion.isEmpty() && endingTimestamp == null;
    }
}
