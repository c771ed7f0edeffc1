package uk.consumptioninsights.cli;

import java.util.List;
import java.util.Map;

/**
 * What a command did: lines for a person, and the same as one JSON object for a program ({@code --json}).
 *
 * @param json values are strings, numbers, booleans, null, lists and maps only
 */
record Report(List<String> lines, Map<String, Object> json) {

    Report {
        lines = List.copyOf(lines);
    }
}
