package uk.consumptioninsights.dataaccess.sharing.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;

class PartitionValueTest {

    private static DeltaColumn column(String deltaType, String duckdbType) {
        return new DeltaColumn("c", deltaType, true, duckdbType);
    }

    @ParameterizedTest
    @CsvSource({"string, VARCHAR", "date, DATE", "timestamp, TIMESTAMPTZ", "integer, INTEGER",
            "'decimal(12,3)', 'DECIMAL(12,3)'", "boolean, BOOLEAN"})
    void emptyStringIsNull(String deltaType, String duckdbType) {
        PartitionValue empty = PartitionValue.parse(column(deltaType, duckdbType), "");
        PartitionValue missing = PartitionValue.parse(column(deltaType, duckdbType), null);

        assertThat(empty.value()).isNull();
        assertThat(empty.sqlLiteral()).isEqualTo("CAST(NULL AS " + duckdbType + ")");
        assertThat(missing.value()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "'2024-03-31 00:30:00', 2024-03-31T00:30:00Z",
            "'2024-03-31 00:30:00.123456', 2024-03-31T00:30:00.123456Z",
            "'2024-03-31T00:30:00Z', 2024-03-31T00:30:00Z",
            "'2024-03-31T01:30:00+01:00', 2024-03-31T00:30:00Z",
            "'2024-03-31T00:30:00.5', 2024-03-31T00:30:00.500Z"
    })
    void timestampsAreUtcInstantsInEveryWrittenForm(String raw, String expected) {
        PartitionValue value = PartitionValue.parse(column("timestamp", "TIMESTAMPTZ"), raw);

        assertThat(value.value()).isEqualTo(Instant.parse(expected));
        assertThat(value.sqlLiteral()).startsWith("CAST('2024-03-31 00:30:00.").endsWith("+00' AS TIMESTAMPTZ)");
    }

    @Test
    void timestampNtzIsAWallClockTime() {
        PartitionValue value = PartitionValue.parse(column("timestamp_ntz", "TIMESTAMP"), "2024-10-27 01:30:00");

        assertThat(value.value()).isEqualTo(LocalDateTime.parse("2024-10-27T01:30:00"));
        assertThat(value.sqlLiteral()).isEqualTo("CAST('2024-10-27 01:30:00.000000' AS TIMESTAMP)");
    }

    @Test
    void typedValuesAndLiterals() {
        assertThat(PartitionValue.parse(column("date", "DATE"), "2024-03-31").value())
                .isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PartitionValue.parse(column("date", "DATE"), "2024-03-31").sqlLiteral())
                .isEqualTo("CAST('2024-03-31' AS DATE)");
        assertThat(PartitionValue.parse(column("integer", "INTEGER"), "48").value()).isEqualTo(48);
        assertThat(PartitionValue.parse(column("long", "BIGINT"), "-7").value()).isEqualTo(-7L);
        assertThat(PartitionValue.parse(column("boolean", "BOOLEAN"), "TRUE").value()).isEqualTo(true);
        assertThat(PartitionValue.parse(column("double", "DOUBLE"), "0.25").value()).isEqualTo(0.25);
        assertThat(PartitionValue.parse(column("decimal(12,3)", "DECIMAL(12,3)"), "12.345").value())
                .isEqualTo(new BigDecimal("12.345"));
        assertThat(PartitionValue.parse(column("decimal(12,3)", "DECIMAL(12,3)"), "12.345").sqlLiteral())
                .isEqualTo("CAST('12.345' AS DECIMAL(12,3))");
        assertThat(PartitionValue.parse(column("string", "VARCHAR"), "O'Brien _A").sqlLiteral())
                .isEqualTo("CAST('O''Brien _A' AS VARCHAR)");
    }

    @ParameterizedTest
    @CsvSource({"date, DATE, 2024-13-01", "integer, INTEGER, 4.5", "boolean, BOOLEAN, yes",
            "timestamp, TIMESTAMPTZ, 1711843200", "'decimal(4,2)', 'DECIMAL(4,2)', 123.4"})
    void aMalformedValueNamesTheColumnAndValue(String deltaType, String duckdbType, String raw) {
        assertThatThrownBy(() -> PartitionValue.parse(column(deltaType, duckdbType), raw))
                .isInstanceOf(SharingException.class)
                .hasMessageContaining("'" + raw + "'").hasMessageContaining("column 'c'");
    }

    @Test
    void binaryAndNestedColumnsCannotBePartitionValues() {
        assertThatThrownBy(() -> PartitionValue.parse(column("binary", "BLOB"), "x"))
                .isInstanceOf(SharingException.class).hasMessageContaining("cannot use as a partition value");
        assertThatThrownBy(() -> PartitionValue.parse(column("variant", null), "x"))
                .isInstanceOf(SharingException.class);
    }

    @Test
    void aFilesValuesFollowTheTablesPartitionColumnsIgnoringCase() {
        TableMetadata metadata = new TableMetadata("t", 1, List.of(
                new DeltaColumn("kwh", "double", true, "DOUBLE"),
                new DeltaColumn("Settlement_Date", "date", true, "DATE"),
                new DeltaColumn("gsp_group", "string", true, "VARCHAR")),
                List.of("Settlement_Date", "gsp_group"), OptionalLong.empty(), OptionalLong.empty());
        SharedFile file = new SharedFile("f", "https://s/f", Map.of("settlement_date", "2024-03-31"), 10,
                OptionalLong.empty(), OptionalLong.empty());

        List<PartitionValue> values = PartitionValue.forFile(metadata, file);

        assertThat(values).extracting(v -> v.column().name()).containsExactly("Settlement_Date", "gsp_group");
        assertThat(values).extracting(PartitionValue::value).containsExactly(LocalDate.of(2024, 3, 31), null);
    }
}
