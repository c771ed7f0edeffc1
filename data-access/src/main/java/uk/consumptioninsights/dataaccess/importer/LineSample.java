package uk.consumptioninsights.dataaccess.importer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import found of one sort of line (rejected, or kept but flagged): the exact count of each kind, and the
 * first of them kept in memory, in file order, for the report window and the summary. The import report file lists
 * every one of them; this sample is only what fits on screen.
 *
 * @param counts lines of each kind, in the order the kinds are declared; kinds with none are absent
 * @param rows   the first {@value LineSampler#FIRST_LINES} lines, and beyond them the first
 *               {@value LineSampler#FIRST_OF_EACH_KIND} of each kind, in file order
 */
public record LineSample<K extends Enum<K>, R>(Map<K, Long> counts, List<R> rows) {

    public LineSample {
        TreeMap<K, Long> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("A count of " + kind + " lines cannot be negative: " + count);
            }
            if (count > 0) {
                sorted.put(kind, count);
            }
        });
        counts = Collections.unmodifiableMap(sorted);
        rows = List.copyOf(rows);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (rows.size() > total) {
            throw new IllegalArgumentException("A sample of " + rows.size() + " lines cannot come from " + total);
        }
    }

    /** No lines of this sort. */
    public static <K extends Enum<K>, R> LineSample<K, R> none() {
        return new LineSample<K, R>(Map.<K, Long>of(), List.<R>of());
    }

    /** Lines of every kind together. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(K kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
