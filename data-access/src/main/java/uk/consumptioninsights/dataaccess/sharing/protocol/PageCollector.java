package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.model.work.Progress;

/**
 * Follows {@code nextPageToken} through a list call until the server says it is done (token missing, null or empty:
 * delta-sharing issue #526), stopping with an error if a token comes back twice or the page cap is reached, so a
 * broken server can never keep the client looping.
 */
public final class PageCollector {

    /** One page of a list response. @param nextPageToken null when there are no more pages */
    public record Page<T>(List<T> items, String nextPageToken) {
    }

    private PageCollector() {
    }

    /** @param fetch fetches the page for a token (null for the first page) */
    public static <T> List<T> collect(Function<String, Page<T>> fetch, int maxPages, String what,
                                      Progress progress) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int pages = 1; ; pages++) {
            progress.checkCancelled();
            Page<T> page = fetch.apply(token);
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
