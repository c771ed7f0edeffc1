package uk.consumptioninsights.dataaccess.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows "reads from" links from a relation down to the relations that read nothing further: the gold tables under
 * a shared view. Bounded, so a cycle or a very deep chain cannot run away.
 */
final class Lineage {

    /** The relations one relation reads directly; throws what the engine throws. */
    @FunctionalInterface
    interface DirectSources<E extends Exception> {
        List<String> of(String relation) throws E;
    }

    static final int MAX_DEPTH = 6;

    private Lineage() {
    }

    /** The base relations under {@code relation}, in the order first met; empty when it reads nothing. */
    static <E extends Exception> List<String> baseOf(String relation, DirectSources<E> direct) throws E {
        Set<String> bases = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        walk(relation, direct, 0, seen, bases);
        bases.remove(relation);
        return new ArrayList<>(bases);
    }

    private static <E extends Exception> void walk(String relation, DirectSources<E> direct, int depth, Set<String> seen,
                                                   Set<String> bases) throws E {
        if (!seen.add(relation)) {
            return;
        }
        List<String> sources = depth >= MAX_DEPTH ? List.of() : direct.of(relation);
        if (sources.isEmpty()) {
            bases.add(relation);
            return;
        }
        for (String source : sources) {
            walk(source, direct, depth + 1, seen, bases);
        }
    }
}
