package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one JSON configuration for everything the sharing server, token endpoint and cache send or hold: unknown fields
 * are ignored (the protocol promises they are never required), and parser messages never quote the source text,
 * which could hold a token.
 */
public final class SharingJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION, false)
            .configure(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS, true)
            .build();

    private SharingJson() {
    }

    /** A text field, or empty when missing, null or not text. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A whole number field, also accepted when sent as a string of digits; empty when missing or not a number. */
    public static OptionalLong whole(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.asLong());
        }
        if (value.isTextual() && value.asText().trim().matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(value.asText().trim()));
        }
        return OptionalLong.empty();
    }
}
