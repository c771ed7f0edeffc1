package uk.consumptioninsights.dataaccess.sharing.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharingException;

class DeltaSchemaTest {

    private static String schema(String... fields) {
        return "{\"type\":\"struct\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    private static String field(String name, String typeJson) {
        return "{\"name\":\"" + name + "\",\"type\":" + typeJson + ",\"nullable\":true,\"metadata\":{}}";
    }

    @ParameterizedTest
    @CsvSource({
            "string, string, VARCHAR",
            "long, long, BIGINT",
            "integer, integer, INTEGER",
            "short, short, SMALLINT",
            "byte, byte, TINYINT",
            "float, float, FLOAT",
            "double, double, DOUBLE",
            "boolean, boolean, BOOLEAN",
            "binary, binary, BLOB",
            "date, date, DATE",
            "timestamp, timestamp, TIMESTAMPTZ",
            "timestamp_ntz, timestamp_ntz, TIMESTAMP",
            "'decimal(38,18)', 'decimal(38,18)', 'DECIMAL(38,18)'",
            "'decimal( 12 , 3 )', 'decimal(12,3)', 'DECIMAL(12,3)'",
            "decimal, 'decimal(10,0)', 'DECIMAL(10,0)'",
            "'decimal(5,-2)', 'decimal(5,-2)', 'DECIMAL(7,0)'",
            "'varchar(20)', 'varchar(20)', VARCHAR"
    })
    void primitiveTypesMapFaithfully(String deltaType, String normalised, String duckdb) {
        List<DeltaColumn> columns = DeltaSchema.columns(schema(field("c", "\"" + deltaType + "\"")));

        assertThat(columns).singleElement().satisfies(c -> {
            assertThat(c.deltaType()).isEqualTo(normalised);
            assertThat(c.duckdbType()).isEqualTo(duckdb);
            assertThat(c.supported()).isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource({"variant", "interval", "geometry", "'decimal(39,2)'", "'decimal(5,6)'"})
    void unknownOrImpossibleTypesAreMarkedUnsupportedNotFatal(String deltaType) {
        List<DeltaColumn> columns = DeltaSchema.columns(schema(field("odd", "\"" + deltaType + "\""),
                field("kwh", "\"double\"")));

        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).supported()).isFalse();
        assertThat(columns.get(0).duckdbType()).isNull();
        assertThat(columns.get(1).duckdbType()).isEqualTo("DOUBLE");
    }

    @Test
    void voidColumnsAreDropped() {
        assertThat(DeltaSchema.columns(schema(field("gone", "\"void\""), field("kept", "\"string\""))))
                .extracting(DeltaColumn::name).containsExactly("kept");
    }

    @Test
    void nestedTypesBecomeDuckDbStructListAndMap() {
        String struct = "{\"type\":\"struct\",\"fields\":[" + field("a", "\"integer\"") + ","
                + field("b \\\"q\\\"", "\"string\"") + "," + field("v", "\"void\"") + "]}";
        String array = "{\"type\":\"array\",\"elementType\":\"timestamp\",\"containsNull\":true}";
        String map = "{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":" + array
                + ",\"valueContainsNull\":true}";
        String badArray = "{\"type\":\"array\",\"elementType\":\"variant\",\"containsNull\":true}";

        List<DeltaColumn> columns = DeltaSchema.columns(schema(field("s", struct), field("a", array),
                field("m", map), field("bad", badArray)));

        assertThat(columns).extracting(DeltaColumn::duckdbType).containsExactly(
                "STRUCT(\"a\" INTEGER, \"b \"\"q\"\"\" VARCHAR)", "TIMESTAMPTZ[]", "MAP(VARCHAR, TIMESTAMPTZ[])", null);
        assertThat(columns).extracting(DeltaColumn::deltaType).containsExactly(
                "struct<a:integer,b \"q\":string>", "array<timestamp>", "map<string,array<timestamp>>",
                "array<variant>");
    }

    @Test
    void commentsNullabilityAndOrderAreKept() {
        String json = schema(
                "{\"name\":\"MPAN_Pseudonym\",\"type\":\"string\",\"nullable\":false,\"metadata\":{\"comment\":\"keyed\"}}",
                "{\"name\":\"kwh\",\"type\":\"double\",\"metadata\":{\"delta.generationExpression\":\"x\"}}");

        assertThat(DeltaSchema.columns(json)).containsExactly(
                new DeltaColumn("MPAN_Pseudonym", "string", false, "VARCHAR", "keyed"),
                new DeltaColumn("kwh", "double", true, "DOUBLE", null));
        assertThat(DeltaSchema.columns(json).get(0).matches("mpan_pseudonym")).isTrue();
    }

    @Test
    void anUnreadableSchemaIsAProtocolError() {
        assertThatThrownBy(() -> DeltaSchema.columns("not json"))
                .isInstanceOf(SharingException.class).hasMessageContaining("schema")
                .extracting(e -> ((SharingException) e).category()).isEqualTo(SharingException.Category.PROTOCOL);
        assertThatThrownBy(() -> DeltaSchema.columns("{\"type\":\"array\"}"))
                .isInstanceOf(SharingException.class).hasMessageContaining("not a struct");
    }
}
