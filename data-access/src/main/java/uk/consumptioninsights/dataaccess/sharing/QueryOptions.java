package uk.consumptioninsights.dataaccess.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * What to ask the server for. Hints are best effort on the server's side: a date range is also applied to the
 * returned files by their partition values, and a row limit must still be applied by whoever reads the rows.
 *
 * @param dateRange a date range on a date partition column, sent as jsonPredicateHints, or null for every date
 * @param limitHint the number of rows the reader intends to read, sent as limitHint
 * @param version   a table version to read (needs history sharing), or empty for the latest
 */
public record QueryOptions(PartitionDateRange dateRange, OptionalLong limitHint, OptionalLong version) {

    /** Both ends inclusive. */
    public record PartitionDateRange(String column, LocalDate from, LocalDate to) {
        public PartitionDateRange {
            if (column == null || column.isBlank() || from == null || to == null) {
                throw new IllegalArgumentException("A date range needs a partition column and both dates");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("The last date " + to + " is before the first " + from);
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public QueryOptions {
        limitHint = limitHint == null ? OptionalLong.empty() : limitHint;
        version = version == null ? OptionalLong.empty() : version;
        if (limitHint.isPresent() && limitHint.getAsLong() < 0) {
            throw new IllegalArgumentException("A row limit cannot be negative");
        }
        if (version.isPresent() && version.getAsLong() < 0) {
            throw new IllegalArgumentException("A table version cannot be negative");
        }
    }

    /** The latest version, every file. */
    public static QueryOptions latest() {
        return new QueryOptions(null, OptionalLong.empty(), OptionalLong.empty());
    }

    public QueryOptions withDateRange(String partitionColumn, LocalDate from, LocalDate to) {
        return new QueryOptions(new PartitionDateRange(partitionColumn, from, to), limitHint, version);
    }

    public QueryOptions withLimitHint(long rows) {
        return new QueryOptions(dateRange, OptionalLong.of(rows), version);
    }

    public QueryOptions atVersion(long tableVersion) {
        return new QueryOptions(dateRange, limitHint, OptionalLong.of(tableVersion));
    }

    /**
     * Names the subset of a table these options select, whatever the version, so the cache can keep one manifest
     * per version and subset: "all" for the whole table, otherwise a short hash of the hints.
     */
    public String subsetKey() {
        if (dateRange == null && limitHint.isEmpty()) {
            return "all";
        }
        String canonical = (dateRange == null ? "" : dateRange.column().toLowerCase(java.util.Locale.ROOT) + "|"
                + dateRange.from() + "|" + dateRange.to()) + "#" + (limitHint.isPresent() ? limitHint.getAsLong() : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "q" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
