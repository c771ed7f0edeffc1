package uk.consumptioninsights.dataaccess.sharing;

/**
 * What a file of a change data feed answer means (Delta Sharing protocol, "Read Change Data Feed from a Table"): the
 * rows of an {@code add} file were inserted and those of a {@code remove} file deleted at the file's commit; a
 * {@code cdf} file's rows say so themselves in their {@code _change_type} column ({@code insert}, {@code delete},
 * {@code update_preimage}, {@code update_postimage}).
 */
public enum ChangeAction {
    ADD,
    REMOVE,
    CDF
}
