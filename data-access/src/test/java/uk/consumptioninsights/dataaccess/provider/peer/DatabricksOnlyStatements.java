package uk.consumptioninsights.dataaccess.provider.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * notebooks/databricks-only.md: the one list of notebook statements only Unity Catalog or Databricks understands, each
 * with why. An entry is a line {@code - `notebook file`: `` first line of the statement `` — reason} (a double-backtick code
 * span, as first lines hold backticks).
 */
public record DatabricksOnlyStatements(List<Entry> entries) {

    private static final Pattern ENTRY = Pattern.compile("^- `([^`]+)`: `` (.+?) `` — (.+)$");

    public record Entry(String source, String firstLine, String reason) {
    }

    public static DatabricksOnlyStatements read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("provider-peer.notebooks"), "databricks-only.md"))) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), m.group(2).strip(), m.group(3).strip()));
            }
        }
        return new DatabricksOnlyStatements(List.copyOf(entries));
    }

    /** The entry listing this statement of {@code source}, or null when the statement must run on the peer. */
    public Entry listing(String source, String statement) {
        String firstLine = statement.lines().findFirst().orElse("").strip();
        if (firstLine.endsWith(";")) {
            firstLine = firstLine.substring(0, firstLine.length() - 1);
        }
        for (Entry entry : entries) {
            if (entry.source().equals(source) && entry.firstLine().equals(firstLine)) {
                return entry;
            }
        }
        return null;
    }
}
