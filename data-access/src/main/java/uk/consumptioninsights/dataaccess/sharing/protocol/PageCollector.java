package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.model.work.Progress;

/**
 * Follows {@code nextPageToken} through a list call until the server says it is done (token missing, null or empty:
 * delta-sharing issue #526), stopping with an error if a token comes back twice, the page cap is reached or the
 * listing holds more items than its budget, so a broken server can never keep the client looping or fill its memory.
 */
public final class PageCollector {

    /** One page of a list response. @param nextPageToken null when there are no more pages */
    public record Page<T>(List<T> items, String nextPageToken) {
    }

    /** Fetches one page. */
    @FunctionalInterface
    public interface PageFetch<T> {
        /**
         * @param token     the page's token, null for the first page
         * @param itemsLeft items the listing may still hold: a page need not be read past one more than that
         */
        Page<T> fetch(String token, int itemsLeft);
    }

    private PageCollector() {
    }

    public static <T> List<T> collect(PageFetch<T> fetch, int maxPages, ListBudget budget, String what,
                                      Progress progress) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int pages = 1; ; pages++) {
            progress.checkCancelled();
            Page<T> page = fetch.fetch(token, budget.left());
            budget.spend(page.items().size());
            all.addAll(page.items());
            token = page.nextPageToken();
            if (token == null || token.isEmpty()) {
                return all;
            }
            if (!seen.add(token)) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server sent the same page token twice "
                        + "while listing " + what + ", so the list would never end. Tell your data provider.");
            }
            if (pages >= maxPages) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server was still sending more pages of "
                        + what + " after " + maxPages + " pages, so the workbench stopped. Tell your data provider.");
            }
        }
    }
}
