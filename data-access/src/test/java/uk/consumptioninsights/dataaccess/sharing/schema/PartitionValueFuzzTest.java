package uk.consumptioninsights.dataaccess.sharing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * Any schema type and any serialised value for a partition column. The input is text: the first line is the column's
 * type as a schema holds it (a JSON type such as {@code {"type":"array",...}} or {@code "long"}, or a bare name such as
 * {@code decimal(10,2)}), the rest the value (none at all when there is no second line). {@link DeltaTypes} maps every
 * type; {@link PartitionValue} gives a value with a well-formed SQL literal or refuses with a
 * {@link SharingException}, never another exception, and its literal stays in proportion to the value it was sent.
 * Seeds: {@code PartitionValueFuzzTestInputs/anyPartitionValue/}.
 */
class PartitionValueFuzzTest {

    /**
     * The longest literal per character of the value, beyond a fixed allowance: a timestamp gains its missing time
     * and zone ("2024-01-01" gives "2024-01-01 00:00:00.000000+00"), and doubled quotes at most double a string.
     */
    private static final int LITERAL_CHARACTERS_PER_VALUE_CHARACTER = 4;
    private static final int LITERAL_ALLOWANCE = 100;

    /** Type names and the pieces of numbers and date-times, for the fuzzer to splice in. */
    @DictionaryEntries({"string", "long", "integer", "short", "byte", "float", "double", "boolean", "binary", "date",
            "timestamp", "timestamp_ntz", "decimal(38,18)", "varchar(", "void", "{\"type\":\"array\",\"elementType\":",
            "{\"type\":\"struct\",\"fields\":[", "e-", "E+", "NaN", "Infinity", "0x", "T", " ", "Z", "+18:00",
            "-18:00", "+999999999-", "-999999999-", ".123456789", "'"})
    @FuzzTest
    void anyPartitionValue(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int lineEnd = text.indexOf('\n');
        String typeLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String raw = lineEnd < 0 ? null : text.substring(lineEnd + 1);

        DeltaTypes.Mapping type = DeltaTypes.map(schemaType(typeLine));
        assertThat(type.deltaType()).isNotNull();
        DeltaColumn column = new DeltaColumn("settlement_date", type.deltaType(), true, type.duckdbType());

        PartitionValue value;
        try {
            value = PartitionValue.parse(column, raw);
        } catch (SharingException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertWellFormed(value, raw);
    }

    private static void assertWellFormed(PartitionValue value, String raw) {
        String duckdbType = value.column().duckdbType();
        String literal = value.sqlLiteral();
        String suffix = " AS " + duckdbType + ")";
        assertThat(literal).startsWith("CAST(").endsWith(suffix);
        String inner = literal.substring("CAST(".length(), literal.length() - suffix.length());
        if (raw == null || raw.isEmpty()) {
            assertThat(value.value()).isNull();
            assertThat(inner).isEqualTo("NULL");
            return;
        }
        assertThat(value.value()).isNotNull();
        assertThat(inner).startsWith("'").endsWith("'").hasSizeGreaterThanOrEqualTo(2);
        assertThat(inner.substring(1, inner.length() - 1).replace("''", ""))
                .as("a quote inside the literal is doubled, so the value cannot end the SQL string")
                .doesNotContain("'");
        if (value.column().deltaType().equals("string")) {
            assertThat(value.value()).isEqualTo(raw);
        }
        assertThat(literal.length())
                .as("the SQL literal for a value of %d characters", raw.length())
                .isLessThanOrEqualTo(LITERAL_CHARACTERS_PER_VALUE_CHARACTER * raw.length() + duckdbType.length()
                        + LITERAL_ALLOWANCE);
    }

    /** The type line as a schema field's "type": JSON when it is JSON, otherwise the bare name as a string. */
    private static JsonNode schemaType(String line) {
        try {
            JsonNode node = SharingJson.MAPPER.readTree(line);
            return node == null || node.isMissingNode() ? TextNode.valueOf(line) : node;
        } catch (IOException notJson) {
            return TextNode.valueOf(line);
        }
    }
}
