package uk.consumptioninsights.app.sharing;

/**
 * One column of a shared object beside the provider's table it comes from.
 *
 * @param providerType the declared type on the provider's side; empty when the column is only in the share
 * @param sharedType   the type recipients receive; empty when the column is not shared
 */
public record ColumnComparisonItem(String column, String providerType, String sharedType, ColumnSharing sharing) {

    /** "shared", "not shared" or "only in the share". */
    public String sharingLabel() {
        return sharing.label();
    }
}
