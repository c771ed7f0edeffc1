package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;

/**
 * The pages of one paginated query answer, put together only when they describe one table: the same version and
 * table id (otherwise the table changed meanwhile, worth asking again), the same columns and partition columns, and
 * no file id twice (otherwise the server contradicts itself, and one file's rows would be lost and another's counted
 * twice).
 */
final class QueryPages {

    private static final String TELL_PROVIDER = " Tell your data provider; trying again will not help.";

    private final SharedTable table;
    private final List<SharedFile> files = new ArrayList<>();
    private final Map<String, Integer> pageOfId = new HashMap<>();
    private TableMetadata metadata;
    private int pages;

    QueryPages(SharedTable table) {
        this.table = table;
    }

    void add(TableMetadata pageMetadata, List<SharedFile> pageFiles) {
        pages++;
        if (metadata == null) {
            metadata = pageMetadata;
        } else {
            requireSameTable(pageMetadata);
        }
        for (SharedFile file : pageFiles) {
            Integer first = pageOfId.putIfAbsent(file.id(), pages);
            if (first != null) {
                throw SharingException.of(Category.PROTOCOL, "Page " + pages + " of the sharing server's answer for "
                        + table.qualifiedName() + " repeats the file id " + ActionParser.quote(file.id()) + " of page "
                        + first + ", although each file of a table has its own id, so the table cannot be read."
                        + TELL_PROVIDER);
            }
            files.add(file);
        }
    }

    TableMetadata metadata() {
        return metadata;
    }

    List<SharedFile> files() {
        return files;
    }

    private void requireSameTable(TableMetadata page) {
        if (metadata.version() != page.version() || !metadata.tableId().equals(page.tableId())) {
            throw SharingException.retryable(Category.PROTOCOL, "The table " + table.qualifiedName()
                    + " changed while the sharing server was listing its files. Try again.", null);
        }
        columnDifference(metadata.columns(), page.columns()).ifPresent(difference -> {
            throw differs("has other columns than page 1 (" + difference + ")");
        });
        List<String> firstPartitions = lowerCase(metadata.partitionColumns());
        if (!firstPartitions.equals(lowerCase(page.partitionColumns()))) {
            throw differs("is partitioned by " + describe(page.partitionColumns()) + ", page 1 by "
                    + describe(metadata.partitionColumns()));
        }
    }

    private SharingException differs(String problem) {
        return SharingException.of(Category.PROTOCOL, "Page " + pages + " of the sharing server's answer for "
                + table.qualifiedName() + " " + problem + ", so the pages cannot be put together." + TELL_PROVIDER);
    }

    /** The first way the later page's columns differ from page 1's, in words; comments are not compared. */
    private Optional<String> columnDifference(List<DeltaColumn> first, List<DeltaColumn> later) {
        for (DeltaColumn column : first) {
            Optional<DeltaColumn> match = later.stream().filter(c -> c.matches(column.name())).findFirst();
            if (match.isEmpty()) {
                return Optional.of("column " + ActionParser.quote(column.name()) + " is missing");
            }
            if (!match.get().deltaType().equals(column.deltaType())) {
                return Optional.of("column " + ActionParser.quote(column.name()) + " is "
                        + match.get().deltaType() + " here and " + column.deltaType() + " on page 1");
            }
            if (match.get().nullable() != column.nullable()) {
                return Optional.of("column " + ActionParser.quote(column.name()) + " is "
                        + (match.get().nullable() ? "" : "not ") + "nullable here and "
                        + (column.nullable() ? "" : "not ") + "nullable on page 1");
            }
        }
        for (DeltaColumn column : later) {
            if (first.stream().noneMatch(c -> c.matches(column.name()))) {
                return Optional.of("column " + ActionParser.quote(column.name()) + " is not on page 1");
            }
        }
        List<String> firstOrder = lowerCase(first.stream().map(DeltaColumn::name).toList());
        if (!firstOrder.equals(lowerCase(later.stream().map(DeltaColumn::name).toList()))) {
            return Optional.of("the columns are in another order");
        }
        return Optional.empty();
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String describe(List<String> partitionColumns) {
        return partitionColumns.isEmpty() ? "nothing"
                : String.join(", ", partitionColumns.stream().map(ActionParser::quote).toList());
    }
}
