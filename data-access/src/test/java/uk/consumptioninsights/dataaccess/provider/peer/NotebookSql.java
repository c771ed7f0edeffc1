package uk.consumptioninsights.dataaccess.provider.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements of a notebook in Databricks source format (or of a plain SQL file under notebooks/sql), as the
 * peer runs them. Statements end with a semicolon at the end of a line; whole-line comments, the source header and the
 * cell separators are dropped.
 *
 * <p>Databricks binds named parameter markers ({@code :catalog}) natively. Spark's Thrift server has no way to receive
 * them, so {@link #bind} writes each value in as a SQL string literal: {@code IDENTIFIER(:catalog || '.t')} then reads
 * {@code IDENTIFIER('main' || '.t')}, which is what the bound marker evaluates to.
 */
public record NotebookSql(String source, List<String> statements) {

    private static final Pattern MARKER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

    public static NotebookSql read(Path file) throws IOException {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readString(file).split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException(file + " ends with a statement that has no semicolon");
        }
        return new NotebookSql(file.getFileName().toString(), List.copyOf(statements));
    }

    public static NotebookSql notebook(String fileName) throws IOException {
        return read(Path.of(System.getProperty("provider-peer.notebooks"), fileName));
    }

    /** The parameter markers a statement uses. */
    public static List<String> markers(String statement) {
        List<String> names = new ArrayList<>();
        Matcher m = MARKER.matcher(statement);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The statement with every marker replaced by its value as a string literal; an unbound marker is an error. */
    public static String bind(String statement, Map<String, String> parameters) {
        Matcher m = MARKER.matcher(statement);
        StringBuilder bound = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for :" + m.group(1) + " in " + statement);
            }
            m.appendReplacement(bound, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
        }
        m.appendTail(bound);
        return bound.toString();
    }

    public List<String> bound(Map<String, String> parameters) {
        return statements.stream().map(s -> bind(s, parameters)).toList();
    }
}
