package uk.consumptioninsights.dataaccess.sharing;

/**
 * One file of a change data feed answer with the commit it belongs to; the rows' {@code _commit_version} and
 * {@code _commit_timestamp} come from here.
 *
 * @param commitTimestampMillis the commit's time, epoch milliseconds
 */
public record ChangeFile(SharedFile file, ChangeAction action, long commitVersion, long commitTimestampMillis) {
}
