package uk.consumptioninsights.dataaccess.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The gold contract ({@code gold-contract.json}): the tables and views, columns and types that every source serves.
 * The local workspace is checked against it in tests; the Databricks notebooks build the same relations.
 */
public record GoldContract(String contract, int version, String description, Map<String, Map<String, String>> types,
                           List<Relation> relations) {

    public record Relation(String name, String kind, String purpose, String description, List<Column> columns) {
    }

    public record Column(String name, String type, boolean nullable, String description) {
    }

    public static GoldContract load() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = GoldContract.class.getResourceAsStream("gold-contract.json")) {
            if (in == null) {
                throw new IllegalStateException("gold-contract.json is missing from the data-access jar");
            }
            return mapper.readValue(in, GoldContract.class);
        } catch (IOException e) {
            throw new UncheckedIOException("gold-contract.json could not be read", e);
        }
    }

    /** The engine type for a logical contract type, e.g. {@code engineType("timestamp_utc", "duckdb")} = TIMESTAMP. */
    public String engineType(String logicalType, String engine) {
        Map<String, String> byEngine = types.get(logicalType);
        if (byEngine == null || !byEngine.containsKey(engine)) {
            throw new IllegalArgumentException("The gold contract has no " + engine + " type for " + logicalType);
        }
        return byEngine.get(engine);
    }
}
