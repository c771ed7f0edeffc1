package uk.consumptioninsights.dataaccess.sharing.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.consumptioninsights.dataaccess.sharing.protocol.QueryResponseTest.METADATA;
import static uk.consumptioninsights.dataaccess.sharing.protocol.QueryResponseTest.PROTOCOL;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

class ChangesResponseTest {

    private static String change(String key, String id, String versionAndTimestamp) {
        return "{\"" + key + "\":{\"url\":\"https://store/" + id + ".parquet?sig=s\",\"id\":\"" + id + "\","
                + "\"partitionValues\":{\"settlement_date\":\"2026-11-01\"},\"size\":573" + versionAndTimestamp + "}}";
    }

    private static final String ADD = change("add", "a1", ",\"timestamp\":1652140000000,\"version\":0,"
            + "\"stats\":\"{\\\"numRecords\\\":1}\"");
    private static final String CDF = change("cdf", "c1", ",\"timestamp\":1652141000000,\"version\":1,"
            + "\"expirationTimestamp\":1900000000000");
    private static final String REMOVE = change("remove", "a1", ",\"timestamp\":1652142000000,\"version\":2");
    private static final String CONFIGURED = METADATA.replace("\"size\":300", "\"configuration\":"
            + "{\"enableChangeDataFeed\":\"true\"},\"size\":300");

    private static ChangesResponse.Result read(boolean endPromised, String... lines) throws IOException {
        return ChangesResponse.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                endPromised, false, "the changes", 1_000_000);
    }

    @Test
    void theProtocolsExampleGivesThreeKindsOfChangeWithTheirCommits() throws IOException {
        ChangesResponse.Result result = read(false, PROTOCOL, CONFIGURED, ADD, CDF, REMOVE);

        assertThat(result.changes()).extracting(ChangeFile::action)
                .containsExactly(ChangeAction.ADD, ChangeAction.CDF, ChangeAction.REMOVE);
        assertThat(result.changes()).extracting(ChangeFile::commitVersion).containsExactly(0L, 1L, 2L);
        assertThat(result.changes()).extracting(ChangeFile::commitTimestampMillis)
                .containsExactly(1652140000000L, 1652141000000L, 1652142000000L);
        assertThat(result.changes().get(0).file().numRecords()).hasValue(1);
        assertThat(result.changes().get(1).file().expirationTimestamp()).hasValue(1_900_000_000_000L);
        // A file added by one commit and removed by a later one appears twice, as the protocol's example shows.
        assertThat(result.changes().get(2).file().id()).isEqualTo("a1");
        assertThat(result.metadata().configuration()).containsEntry("enableChangeDataFeed", "true");
    }

    @Test
    void anActionWithoutItsVersionOrTimestampNamesTheLineAndWhatIsMissing() {
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, change("cdf", "c1", ",\"timestamp\":1")))
                .isInstanceOf(SharingException.class).hasMessageContaining("Line 3")
                .hasMessageContaining("a 'cdf' action without its commit version")
                .hasMessageContaining("Tell your data provider");
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, change("add", "a1", ",\"version\":1")))
                .hasMessageContaining("an 'add' action without its commit timestamp");
    }

    @Test
    void aCutOffAnswerIsRetryableAndAnswersOutOfShapeAreNot() {
        assertThatThrownBy(() -> read(true, PROTOCOL, METADATA, ADD))
                .isInstanceOf(SharingException.class).hasMessageContaining("cut off before its end")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isTrue());
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, ADD.substring(0, ADD.length() / 2)))
                .isInstanceOf(SharingException.class).hasMessageContaining("cut off in line 3");
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, QueryResponseTest.FILE))
                .hasMessageContaining("Line 3").hasMessageContaining("snapshot 'file' action");
        assertThatThrownBy(() -> read(false, PROTOCOL, ADD, METADATA)).hasMessageContaining("Line 2")
                .hasMessageContaining("out of place");
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, ADD, ADD)).hasMessageContaining("Line 4")
                .hasMessageContaining("repeats the add of file 'a1' at version 0 from line 3");
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, ADD,
                "{\"endStreamAction\":{\"errorMessage\":\"boom\"}}"))
                .satisfies(e -> assertThat(((SharingException) e).category()).isEqualTo(Category.SERVER))
                .hasMessageContaining("boom");
    }

    @Test
    void historicalMetadataIsPassedOverAndPagesOnlyFollowedWhenAskedFor() throws IOException {
        ChangesResponse.Result result = read(false, PROTOCOL, CONFIGURED, ADD, METADATA.replace("\"size\":300",
                "\"version\":1,\"size\":300"), CDF);
        String paged = "{\"endStreamAction\":{\"nextPageToken\":\"p2\"}}";

        assertThat(result.changes()).hasSize(2);
        assertThat(result.metadata().configuration()).containsKey("enableChangeDataFeed");
        assertThatThrownBy(() -> read(false, PROTOCOL, METADATA, ADD, paged))
                .hasMessageContaining("never asked for");
        assertThat(ChangesResponse.read(new ByteArrayInputStream(String.join("\n", PROTOCOL, METADATA, ADD, paged)
                .getBytes(StandardCharsets.UTF_8)), false, true, "the changes", 1_000_000).end().nextPageToken())
                .isEqualTo("p2");
    }

    @Test
    void anEndMarkerIsNeededOnlyWhenPromised() throws IOException {
        assertThat(read(false, PROTOCOL, METADATA).changes()).isEmpty();
        assertThat(read(true, PROTOCOL, METADATA, CDF, "{\"endStreamAction\":{}}").changes()).hasSize(1);
    }
}
