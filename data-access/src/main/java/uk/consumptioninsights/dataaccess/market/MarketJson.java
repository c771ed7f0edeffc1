package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the market APIs' JSON tolerantly: every envelope shape, any RFC 3339 offset, numbers sent as text. */
final class MarketJson {

    private MarketJson() {
    }

    /**
     * The rows of an answer: a bare array; {@code {"data": [...]}} with or without {@code metadata}; {@code data}
     * as a single object (the Carbon Intensity API's current generation mix); or CKAN's {@code result.records}.
     */
    static List<JsonNode> rows(JsonNode root) {
        JsonNode rows = root;
        if (root.isObject()) {
            if (root.has("data")) {
                rows = root.get("data");
            } else if (root.has("result") && root.get("result").has("records")) {
                rows = root.get("result").get("records");
            } else {
                throw new IllegalArgumentException("the answer has neither data nor result.records");
            }
        }
        List<JsonNode> list = new ArrayList<>();
        if (rows.isArray()) {
            rows.forEach(list::add);
        } else if (rows.isObject()) {
            list.add(rows);
        } else if (!rows.isNull()) {
            throw new IllegalArgumentException("the answer's rows are neither an array nor an object");
        }
        return list;
    }

    /**
     * Any RFC 3339 time ({@code Z}, {@code +00:00}, seven fraction digits, minute precision); a time without an
     * offset is UTC, as NESO's {@code DATETIME} is documented to be.
     */
    static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        }
    }

    static LocalDate date(JsonNode node) {
        String text = text(node);
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** A number sent as a JSON number or as text ("3742.0"); null when absent, null or blank. */
    static Double number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    static Integer integer(JsonNode node) {
        Double value = number(node);
        return value == null ? null : (int) Math.round(value);
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text.trim();
    }
}
