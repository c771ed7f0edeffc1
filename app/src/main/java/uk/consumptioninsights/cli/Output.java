package uk.consumptioninsights.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a command's answer goes: lines or one JSON object on stdout; failures as one line on stderr. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    void emit(Report report) {
        if (json) {
            out.println(write(report.json()));
        } else {
            report.lines().forEach(out::println);
        }
        out.flush();
    }

    /** One line on stderr, and with {@code --json} the same as an object on stdout, so a script can read either. */
    void failure(int exitCode, String message) {
        String line = oneLine(message);
        err.println("ciw: " + line);
        err.flush();
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", false);
            answer.put("exitCode", exitCode);
            answer.put("error", line);
            out.println(write(answer));
            out.flush();
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static String write(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A command's answer could not be written as JSON", e);
        }
    }
}
