package uk.consumptioninsights.dataaccess.sharing.protocol;

import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * The most items one listing may hold across all its pages (and, for a share listed schema by schema, all its
 * calls), so a server listing a million tables cannot fill the memory.
 */
public final class ListBudget {

    private final int max;
    private final String what;
    private int used;

    /** @param what what is listed, for the message ("tables in share sales") */
    public ListBudget(int max, String what) {
        this.max = max;
        this.what = what;
    }

    /** How many more items may be read; one more than that is enough to know the listing is too long. */
    public int left() {
        return max - used;
    }

    /** Counts a page's items. @throws SharingException when the listing holds more than the budget */
    public void spend(int items) {
        used += items;
        if (used > max) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server lists more than " + max + " " + what
                    + ", the most the workbench lists at once (so that it does not run out of memory), so it "
                    + "stopped. Tell your data provider.");
        }
    }
}
