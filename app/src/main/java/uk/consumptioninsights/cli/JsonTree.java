package uk.consumptioninsights.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a command's JSON answer from plain values: dates, instants and paths become ISO text. */
final class JsonTree {

    private JsonTree() {
    }

    /** An object from alternating names and values, in that order. */
    static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            tree.put((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return tree;
    }

    static Object value(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(JsonTree::value).orElse(null);
        }
        if (value instanceof LocalDate || value instanceof Instant || value instanceof Path || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonTree::value).toList();
        }
        return value;
    }
}
