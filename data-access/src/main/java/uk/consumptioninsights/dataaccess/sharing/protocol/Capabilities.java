package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code delta-sharing-capabilities} header: {@code key=v1,v2;key2=v3}, keys and values case-insensitive.
 */
public record Capabilities(Map<String, List<String>> values) {

    public static final String HEADER = "delta-sharing-capabilities";

    /** What this client asks for on every query: Parquet files and an end-of-stream marker to detect truncation. */
    public static final String QUERY_REQUEST = "responseformat=parquet;includeendstreamaction=true";
    public static final String METADATA_REQUEST = "responseformat=parquet";

    public static Capabilities parse(String header) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (header != null) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                List<String> list = java.util.Arrays.stream(part.substring(eq + 1).split(","))
                        .map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
                values.put(key, list);
            }
        }
        return new Capabilities(Map.copyOf(values));
    }

    /** True when the server said it answers in some format other than Parquet (we never ask for delta). */
    public boolean answersInOtherFormatThanParquet() {
        List<String> formats = values.get("responseformat");
        return formats != null && !formats.isEmpty() && !formats.contains("parquet");
    }

    /** True when the server promised to end the stream with an endStreamAction. */
    public boolean promisesEndStreamAction() {
        List<String> flag = values.get("includeendstreamaction");
        return flag != null && flag.contains("true");
    }
}
