package uk.consumptioninsights.dataaccess.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts lines by kind as an import finds them and keeps a bounded sample: the first {@value #FIRST_LINES} lines, plus
 * the first {@value #FIRST_OF_EACH_KIND} of each kind found later, so the summary can name the first lines of every kind
 * and memory stays the same for three lines or three million.
 */
final class LineSampler<K extends Enum<K>, R> {

    /** Lines kept in file order whatever their kind: a screenful for the report window. */
    static final int FIRST_LINES = 100;
    /** Lines of each kind always kept, enough for the summary's "lines 2, 3, 4, 5, 6 and N more". */
    static final int FIRST_OF_EACH_KIND = 5;

    private final Class<K> kinds;
    private final Function<R, K> kindOf;
    private final long[] counts;
    private final List<R> rows = new ArrayList<>();

    LineSampler(Class<K> kinds, Function<R, K> kindOf) {
        this.kinds = kinds;
        this.kindOf = kindOf;
        this.counts = new long[kinds.getEnumConstants().length];
    }

    void add(R row) {
        int kind = kindOf.apply(row).ordinal();
        counts[kind]++;
        if (rows.size() < FIRST_LINES || counts[kind] <= FIRST_OF_EACH_KIND) {
            rows.add(row);
        }
    }

    long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    LineSample<K, R> sample() {
        Map<K, Long> byKind = new EnumMap<>(kinds);
        for (K kind : kinds.getEnumConstants()) {
            byKind.put(kind, counts[kind.ordinal()]);
        }
        return new LineSample<>(byKind, rows);
    }
}
