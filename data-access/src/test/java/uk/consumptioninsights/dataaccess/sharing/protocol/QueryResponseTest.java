package uk.consumptioninsights.dataaccess.sharing.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;

class QueryResponseTest {

    static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1}}";
    static final String SCHEMA = "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":["
            + "{\\\"name\\\":\\\"settlement_date\\\",\\\"type\\\":\\\"date\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}},"
            + "{\\\"name\\\":\\\"kwh\\\",\\\"type\\\":\\\"double\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}";
    static final String METADATA = "{\"metaData\":{\"id\":\"t-1\",\"format\":{\"provider\":\"parquet\"},"
            + "\"schemaString\":\"" + SCHEMA + "\",\"partitionColumns\":[\"settlement_date\"],\"size\":300,"
            + "\"numFiles\":2,\"unknownField\":{\"x\":1}}}";
    static final String FILE = "{\"file\":{\"url\":\"https://store/a.parquet?sig=1\",\"id\":\"f1\","
            + "\"partitionValues\":{\"settlement_date\":\"2024-03-31\"},\"size\":100,"
            + "\"stats\":\"{\\\"numRecords\\\":48}\",\"expirationTimestamp\":1900000000000}}";
    static final String FILE_NULL_PARTITION = "{\"file\":{\"url\":\"https://store/b.parquet?sig=2\",\"id\":\"f2\","
            + "\"partitionValues\":{\"settlement_date\":null},\"size\":200,\"stats\":\"not json\"}}";

    private static QueryResponse.Result query(boolean endPromised, String... lines) throws IOException {
        return QueryResponse.readQuery(stream(String.join("\n", lines)), endPromised, "the query", 1_000_000);
    }

    private static QueryResponse.Result metadata(String... lines) throws IOException {
        return QueryResponse.readMetadata(stream(String.join("\n", lines)), "the metadata", 1_000_000);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQueryAnswerGivesFilesWithStatsAndExpiry() throws IOException {
        QueryResponse.Result result = query(true, PROTOCOL, METADATA, FILE, FILE_NULL_PARTITION,
                "{\"endStreamAction\":{\"minUrlExpirationTimestamp\":1900000000000}}");

        assertThat(result.files()).hasSize(2);
        assertThat(result.files().get(0).numRecords()).hasValue(48);
        assertThat(result.files().get(0).expirationTimestamp()).hasValue(1_900_000_000_000L);
        assertThat(result.files().get(0).toString()).doesNotContain("sig=1").contains("a.parquet?…");
        assertThat(result.files().get(1).partitionValues()).isEqualTo(Map.of("settlement_date", ""));
        assertThat(result.files().get(1).numRecords()).isEmpty();

        TableMetadata metadata = TableMetadataCheck.check(new SharedTable("s", "c", "t"), result.protocol(),
                result.metadata(), 3);
        assertThat(metadata.tableId()).isEqualTo("t-1");
        assertThat(metadata.version()).isEqualTo(3);
        assertThat(metadata.size()).isEqualTo(OptionalLong.of(300));
        assertThat(metadata.partitionColumns()).containsExactly("settlement_date");
    }

    @Test
    void anEmptyTableIsAnEmptyResultNotAnError() throws IOException {
        assertThat(query(false, PROTOCOL, METADATA).files()).isEmpty();
    }

    @Test
    void anErrorInTheEndMarkerFailsTheQueryDespiteStatus200() {
        assertThatThrownBy(() -> query(true, PROTOCOL, METADATA, FILE,
                "{\"endStreamAction\":{\"errorMessage\":\"Table storage unavailable\"}}"))
                .isInstanceOf(SharingException.class)
                .hasMessageContaining("reported an error").hasMessageContaining("Table storage unavailable")
                .extracting(e -> ((SharingException) e).category()).isEqualTo(Category.SERVER);
    }

    @Test
    void aMissingPromisedEndMarkerIsACutOffRetryableAnswer() {
        assertThatThrownBy(() -> query(true, PROTOCOL, METADATA, FILE))
                .isInstanceOf(SharingException.class).hasMessageContaining("cut off")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isTrue());
    }

    @Test
    void anUnpromisedEndMarkerIsNotRequired() throws IOException {
        assertThat(query(false, PROTOCOL, METADATA, FILE).files()).hasSize(1);
    }

    @Test
    void linesOutOfPlaceAreProtocolErrorsWithTheirNumbers() {
        assertThatThrownBy(() -> query(false, PROTOCOL, FILE, METADATA)).hasMessageContaining("Line 2")
                .hasMessageContaining("out of place");
        assertThatThrownBy(() -> query(false, PROTOCOL, METADATA, "{\"endStreamAction\":{}}", FILE))
                .hasMessageContaining("Line 4").hasMessageContaining("after the end-of-stream marker");
        assertThatThrownBy(() -> query(false, PROTOCOL, METADATA, "{\"add\":{}}"))
                .hasMessageContaining("Line 3").hasMessageContaining("'add'");
        assertThatThrownBy(() -> query(false, PROTOCOL, METADATA, "{\"mystery\":{}}"))
                .hasMessageContaining("unknown action 'mystery'");
        assertThatThrownBy(() -> query(false, PROTOCOL, METADATA, "{\"file\":{},\"protocol\":{}}"))
                .hasMessageContaining("Line 3").hasMessageContaining("holds 2 actions");
        assertThatThrownBy(() -> query(false, PROTOCOL, METADATA, "{\"file\":{\"id\":\"x\",\"size\":1,"
                + "\"partitionValues\":{}}}")).hasMessageContaining("Line 3").hasMessageContaining("without url");
    }

    @Test
    void metadataIsExactlyProtocolAndMetaDataInEitherOrder() throws IOException {
        assertThat(metadata(PROTOCOL, METADATA).metadata().id()).isEqualTo("t-1");
        assertThat(metadata(METADATA, "", PROTOCOL).protocol().minReaderVersion()).isEqualTo(1);
        assertThatThrownBy(() -> metadata(PROTOCOL)).hasMessageContaining("has 1 of the 2 lines");
        assertThatThrownBy(() -> metadata(PROTOCOL, METADATA, FILE)).hasMessageContaining("Line 3");
    }

    @Test
    void tablesThisClientCannotReadAreRefusedClearly() throws IOException {
        SharedTable table = new SharedTable("s", "c", "t");
        QueryResponse.Result newer = metadata("{\"protocol\":{\"minReaderVersion\":2}}", METADATA);
        assertThatThrownBy(() -> TableMetadataCheck.check(table, newer.protocol(), newer.metadata(), 1))
                .hasMessageContaining("needs a newer Delta Sharing reader (version 2)")
                .hasMessageContaining("Update the workbench");

        QueryResponse.Result orc = metadata(PROTOCOL, METADATA.replace("\"parquet\"", "\"orc\""));
        assertThatThrownBy(() -> TableMetadataCheck.check(table, orc.protocol(), orc.metadata(), 1))
                .hasMessageContaining("stored as 'orc'");

        QueryResponse.Result dirOnly = metadata(PROTOCOL, METADATA.replace("\"numFiles\":2",
                "\"numFiles\":2,\"accessModes\":[\"dir\"]"));
        assertThatThrownBy(() -> TableMetadataCheck.check(table, dirOnly.protocol(), dirOnly.metadata(), 1))
                .hasMessageContaining("direct cloud access only");

        QueryResponse.Result delta = metadata("{\"protocol\":{\"deltaProtocol\":{\"minReaderVersion\":3}}}",
                "{\"metaData\":{\"deltaMetadata\":{\"id\":\"t\"}}}");
        assertThatThrownBy(() -> TableMetadataCheck.check(table, delta.protocol(), delta.metadata(), 1))
                .hasMessageContaining("Delta response format");

        assertThatThrownBy(() -> TableMetadataCheck.requireUrlAccess(
                new SharedTable("s", "c", "t", "id", List.of("dir"))))
                .hasMessageContaining("direct cloud access only");
    }
}
