package uk.consumptioninsights.app.anomalies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * All rows of a listing, filtered, sorted and cut into pages. Sorting covers every filtered row, not just the page on
 * screen, so "highest score first" means across the whole listing.
 */
public final class PagedRows<T> {

    private final int pageSize;
    private final ObservableList<T> page = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyPage = FXCollections.unmodifiableObservableList(page);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyIntegerWrapper matching = new ReadOnlyIntegerWrapper(this, "matching", 0);
    private List<T> all = List.of();
    private List<T> filtered = List.of();
    private Predicate<? super T> filter = row -> true;
    private Comparator<? super T> order;

    public PagedRows(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one row");
        }
        this.pageSize = pageSize;
    }

    /** New rows: back to the first page. */
    public void setAll(List<T> rows) {
        all = List.copyOf(rows);
        refilter(0);
    }

    public void setFilter(Predicate<? super T> value) {
        filter = value;
        refilter(0);
    }

    /** Null keeps the listing's own order. Stays on page one so the new top rows are what is seen. */
    public void sort(Comparator<? super T> value) {
        order = value;
        refilter(0);
    }

    public void showPage(int index) {
        int clamped = Math.max(0, Math.min(index, pageCount.get() - 1));
        int from = clamped * pageSize;
        // The rows first: listeners of the index read the new page.
        page.setAll(filtered.subList(Math.min(from, filtered.size()), Math.min(from + pageSize, filtered.size())));
        pageIndex.set(clamped);
    }

    public void nextPage() {
        showPage(pageIndex.get() + 1);
    }

    public void previousPage() {
        showPage(pageIndex.get() - 1);
    }

    /** Shows the page holding {@code row}; false when the filter hides it. */
    public boolean reveal(T row) {
        int at = filtered.indexOf(row);
        if (at < 0) {
            return false;
        }
        showPage(at / pageSize);
        return true;
    }

    private void refilter(int showIndex) {
        List<T> rows = new ArrayList<>();
        for (T row : all) {
            if (filter.test(row)) {
                rows.add(row);
            }
        }
        if (order != null) {
            rows.sort(order);
        }
        filtered = List.copyOf(rows);
        matching.set(filtered.size());
        pageCount.set(Math.max(1, (filtered.size() + pageSize - 1) / pageSize));
        showPage(showIndex);
    }

    /** Every row, before filtering, in the listing's own order. */
    public List<T> all() {
        return all;
    }

    /** The rows passing the filter, sorted: every page in order. */
    public List<T> matchingRows() {
        return filtered;
    }

    public ObservableList<T> page() {
        return readOnlyPage;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Zero-based. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** Rows passing the filter, on all pages. */
    public ReadOnlyIntegerProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }
}
