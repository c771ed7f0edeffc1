package uk.consumptioninsights.app.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import uk.consumptioninsights.dataaccess.governance.TableColumns;

/**
 * Lines up what a share carries with what the provider holds, column by column. Pure functions, so the rules are
 * tested without a source.
 */
public final class ColumnComparison {

    private ColumnComparison() {
    }

    /**
     * The gold table or view a shared object comes from. Unity Catalog names it in full ({@code main.gold.x}) while a
     * schema listing may leave out the catalog, so a name also matches by its trailing parts when only one table does.
     */
    public static Optional<TableColumns> providerTable(List<TableColumns> gold, String sharedFrom) {
        if (sharedFrom == null || sharedFrom.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalise(sharedFrom);
        Optional<TableColumns> exact = only(gold, t -> normalise(t.table()).equals(wanted));
        if (exact.isPresent()) {
            return exact;
        }
        Optional<TableColumns> suffix = only(gold, t -> {
            String name = normalise(t.table());
            return name.endsWith("." + wanted) || wanted.endsWith("." + name);
        });
        if (suffix.isPresent()) {
            return suffix;
        }
        String last = lastPart(wanted);
        return only(gold, t -> lastPart(normalise(t.table())).equals(last));
    }

    /**
     * The gold tables a shared view reads, as one provider side: their columns in order, each name once, named
     * "gold.anomalies + gold.meters". Empty when there is no lineage or a source is not in the gold schema.
     */
    public static Optional<TableColumns> underlying(List<TableColumns> gold, List<String> sources) {
        if (sources == null || sources.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Map<String, TableColumns.Column> columns = new LinkedHashMap<>();
        for (String source : sources) {
            Optional<TableColumns> table = providerTable(gold, source);
            if (table.isEmpty()) {
                return Optional.empty();
            }
            names.add(table.get().table());
            table.get().columns().forEach(c -> columns.putIfAbsent(key(c.name()), c));
        }
        return Optional.of(new TableColumns(String.join(" + ", names), new ArrayList<>(columns.values())));
    }

    /**
     * Every provider column in its order, marked shared or not shared, then the columns only the share has, in the
     * share's order. Names match without regard to case, as Unity Catalog's do.
     */
    public static List<ColumnComparisonItem> compare(TableColumns provider, TableColumns shared) {
        Map<String, TableColumns.Column> sharedByName = new LinkedHashMap<>();
        for (TableColumns.Column column : shared.columns()) {
            sharedByName.putIfAbsent(key(column.name()), column);
        }
        List<ColumnComparisonItem> out = new ArrayList<>();
        for (TableColumns.Column column : provider.columns()) {
            TableColumns.Column carried = sharedByName.remove(key(column.name()));
            out.add(carried == null
                    ? new ColumnComparisonItem(column.name(), text(column.type()), "", ColumnSharing.NOT_SHARED)
                    : new ColumnComparisonItem(column.name(), text(column.type()), text(carried.type()), ColumnSharing.SHARED));
        }
        for (TableColumns.Column column : sharedByName.values()) {
            out.add(new ColumnComparisonItem(column.name(), "", text(column.type()), ColumnSharing.SHARED_ONLY));
        }
        return out;
    }

    /** The shared columns alone, when the provider's side cannot be known: all of them reach recipients. */
    public static List<ColumnComparisonItem> sharedOnly(TableColumns shared) {
        return shared.columns().stream()
                .map(c -> new ColumnComparisonItem(c.name(), "", text(c.type()), ColumnSharing.SHARED))
                .toList();
    }

    private static Optional<TableColumns> only(List<TableColumns> gold, Predicate<TableColumns> test) {
        List<TableColumns> found = gold.stream().filter(test).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String normalise(String name) {
        return name.replace("`", "").trim().toLowerCase(Locale.ROOT);
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
