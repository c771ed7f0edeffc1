package uk.consumptioninsights.dataaccess.sharing.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;

/**
 * Any bytes as the body of a metadata or query answer (NDJSON read by {@link NdjsonReader}, each line by
 * {@link ActionParser}): the answer is read, or refused with a {@link SharingException} that says why, never another
 * exception. What is read keeps the protocol's promises, and an answer accepted with its end marker promised is
 * accepted, with the same files, when it was not. Seeds: {@code QueryResponseFuzzTestInputs/anyAnswerBody/}.
 */
class QueryResponseFuzzTest {

    private static final String WHAT = "the fuzzed table";

    /** Small enough that fuzzed answers reach the line limit too (the client's default is 10 MB). */
    private static final long LINE_LIMIT = 4_096;

    /** The answer's vocabulary, for the fuzzer to splice in. */
    @DictionaryEntries({"{\"protocol\":{\"minReaderVersion\":1}}", "{\"metaData\":", "{\"file\":",
            "{\"endStreamAction\":", "\"deltaProtocol\"", "\"deltaMetadata\"", "\"deltaSingleAction\"",
            "\"format\":{\"provider\":\"parquet\"}", "\"schemaString\":", "\"partitionColumns\":",
            "\"accessModes\":", "\"partitionValues\":", "\"stats\":", "\"numRecords\"", "\"size\":",
            "\"id\":", "\"url\":", "\"expirationTimestamp\":", "\"nextPageToken\":", "\"errorMessage\":",
            "\"add\"", "\"cdf\"", "\"remove\"", "\"queryStatus\""})
    @FuzzTest
    void anyAnswerBody(byte[] body) throws IOException {
        QueryResponse.Result metadata = readOrRefused(() -> QueryResponse.readMetadata(stream(body), WHAT, LINE_LIMIT));
        if (metadata != null) {
            assertThat(metadata.protocol()).isNotNull();
            assertThat(metadata.metadata()).isNotNull();
            assertThat(metadata.files()).isEmpty();
        }
        QueryResponse.Result unpromised = readOrRefused(() -> QueryResponse.readQuery(stream(body), false, WHAT, LINE_LIMIT));
        QueryResponse.Result promised = readOrRefused(() -> QueryResponse.readQuery(stream(body), true, WHAT, LINE_LIMIT));
        for (QueryResponse.Result query : new QueryResponse.Result[] {unpromised, promised}) {
            if (query != null) {
                assertKeepsTheProtocol(query);
            }
        }
        if (promised != null) {
            assertThat(promised.end()).isNotNull();
            assertThat(unpromised).as("an answer read with its end marker promised is read without").isNotNull();
            assertThat(unpromised.files()).isEqualTo(promised.files());
        }
    }

    private static void assertKeepsTheProtocol(QueryResponse.Result query) {
        assertThat(query.protocol()).isNotNull();
        assertThat(query.metadata()).isNotNull();
        if (query.end() != null) {
            assertThat(query.end().errorMessage()).isNull();
        }
        for (SharedFile file : query.files()) {
            assertThat(file.id()).isNotEmpty();
            assertThat(file.url()).isNotEmpty();
            assertThat(file.size()).isNotNegative();
        }
    }

    /** The answer, or null when it was refused with a message for the user. */
    private static QueryResponse.Result readOrRefused(Read read) throws IOException {
        try {
            return read.result();
        } catch (SharingException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.category()).isNotNull();
            return null;
        }
    }

    private static ByteArrayInputStream stream(byte[] body) {
        return new ByteArrayInputStream(body);
    }

    @FunctionalInterface
    private interface Read {
        QueryResponse.Result result() throws IOException;
    }
}
