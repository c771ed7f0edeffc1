package uk.consumptioninsights.dataaccess.sharing.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.model.work.Progress;

class PagingAndBodyTest {

    private static PageCollector.Page<String> page(String json) throws Exception {
        return ListResponses.names(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "shares", 100);
    }

    @Test
    void missingNullOrEmptyItemsAndTokensMeanDone() throws Exception {
        assertThat(page("{}")).isEqualTo(new PageCollector.Page<>(List.of(), null));
        assertThat(page("{\"items\":null,\"nextPageToken\":null}")).isEqualTo(new PageCollector.Page<>(List.of(), null));
        assertThat(page("{\"items\":[],\"nextPageToken\":\"\"}")).isEqualTo(new PageCollector.Page<>(List.of(), null));
        assertThat(page("{\"items\":[{\"name\":\"a\"},{\"id\":\"nameless\"},{\"name\":\"B\"}],\"nextPageToken\":\"t\","
                + "\"extra\":1}")).isEqualTo(new PageCollector.Page<>(List.of("a", "B"), "t"));
    }

    @Test
    void tableItemsKeepIdAndAccessModes() throws Exception {
        PageCollector.Page<SharedTable> page = ListResponses.tables(new ByteArrayInputStream(("{\"items\":["
                + "{\"name\":\"t1\",\"schema\":\"curated\",\"share\":\"s\",\"id\":\"uuid-1\"},"
                + "{\"name\":\"t2\",\"schema\":\"curated\",\"share\":\"s\",\"accessModes\":[\"dir\"]}]}")
                .getBytes(StandardCharsets.UTF_8)), "tables", "s", null, 100);

        assertThat(page.items()).extracting(SharedTable::id).containsExactly("uuid-1", null);
        assertThat(page.items()).extracting(SharedTable::readableByUrl).containsExactly(true, false);
        assertThat(page.items().get(0)).isEqualTo(new SharedTable("s", "curated", "t1"));
    }

    @Test
    void followsTokensThroughPagesIncludingEmptyOnes() {
        List<String> tokensAsked = new ArrayList<>();
        List<PageCollector.Page<String>> pages = List.of(
                new PageCollector.Page<>(List.of("a"), "p2"),
                new PageCollector.Page<>(List.of(), "p3"),
                new PageCollector.Page<>(List.of("b", "c"), ""));

        List<String> all = PageCollector.collect((token, left) -> {
            tokensAsked.add(token);
            return pages.get(tokensAsked.size() - 1);
        }, 10, new ListBudget(100, "shares"), "shares", Progress.NONE);

        assertThat(all).containsExactly("a", "b", "c");
        assertThat(tokensAsked).containsExactly(null, "p2", "p3");
    }

    @Test
    void aRepeatedTokenStopsTheLoop() {
        assertThatThrownBy(() -> PageCollector.collect((token, left) -> new PageCollector.Page<>(List.of("x"), "same"),
                1000, new ListBudget(100, "shares"), "shares", Progress.NONE))
                .isInstanceOf(SharingException.class).hasMessageContaining("same page token twice");
    }

    @Test
    void thePageCapStopsAServerThatNeverEnds() {
        int[] n = {0};
        assertThatThrownBy(() -> PageCollector.collect((token, left) -> new PageCollector.Page<>(List.of(), "t" + n[0]++),
                5, new ListBudget(100, "shares"), "shares", Progress.NONE))
                .isInstanceOf(SharingException.class).hasMessageContaining("after 5 pages");
        assertThat(n[0]).isEqualTo(5);
    }

    @Test
    void anEmptyQueryBodyIsAnEmptyObject() {
        assertThat(QueryBody.of(QueryOptions.latest(), null)).isEqualTo("{}");
    }

    @Test
    void predicateHintsAreAJsonStringHoldingADateRange() throws Exception {
        String body = QueryBody.of(QueryOptions.latest()
                .withDateRange("settlement_date", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))
                .withLimitHint(1000).atVersion(3), null);

        JsonNode json = SharingJson.MAPPER.readTree(body);
        assertThat(json.get("jsonPredicateHints").isTextual()).isTrue();
        assertThat(json.get("limitHint").asLong()).isEqualTo(1000);
        assertThat(json.get("version").asLong()).isEqualTo(3);
        JsonNode predicate = SharingJson.MAPPER.readTree(json.get("jsonPredicateHints").asText());
        assertThat(predicate.get("op").asText()).isEqualTo("and");
        JsonNode lower = predicate.get("children").get(0);
        assertThat(lower.get("op").asText()).isEqualTo("greaterThanOrEqual");
        assertThat(lower.get("children").get(0).toString())
                .isEqualTo("{\"op\":\"column\",\"name\":\"settlement_date\",\"valueType\":\"date\"}");
        assertThat(lower.get("children").get(1).toString())
                .isEqualTo("{\"op\":\"literal\",\"value\":\"2024-03-01\",\"valueType\":\"date\"}");
        assertThat(predicate.get("children").get(1).get("op").asText()).isEqualTo("lessThanOrEqual");
    }

    @Test
    void capabilitiesHeaderIsReadCaseInsensitively() {
        Capabilities answered = Capabilities.parse("ResponseFormat=PARQUET; IncludeEndStreamAction=true");
        assertThat(answered.answersInOtherFormatThanParquet()).isFalse();
        assertThat(answered.promisesEndStreamAction()).isTrue();
        assertThat(Capabilities.parse("responseformat=delta").answersInOtherFormatThanParquet()).isTrue();
        assertThat(Capabilities.parse("responseformat=delta,parquet").answersInOtherFormatThanParquet()).isFalse();
        assertThat(Capabilities.parse(null).promisesEndStreamAction()).isFalse();
        assertThat(Arrays.asList(Capabilities.QUERY_REQUEST.split(";")))
                .containsExactly("responseformat=parquet", "includeendstreamaction=true");
    }

    /** A page of a million shares, made as it is read: never all in memory at once. */
    private static final class MillionItemPage extends java.io.InputStream {
        private static final int ITEMS = 1_000_000;
        private byte[] chunk = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
        private int position;
        private int item;
        private long read;

        @Override
        public int read() {
            if (position == chunk.length) {
                if (item > ITEMS) {
                    return -1;
                }
                chunk = (item == ITEMS ? "]}" : (item == 0 ? "" : ",") + "{\"name\":\"share-" + item + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                item++;
                position = 0;
            }
            read++;
            return chunk[position++] & 0xFF;
        }
    }

    private static PageCollector.Page<String> millionShares(int itemsLeft) {
        try {
            return ListResponses.names(new MillionItemPage(), "shares", itemsLeft);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPageIsReadOnlyUpToOneItemMoreThanTheListingMayHold() throws Exception {
        MillionItemPage body = new MillionItemPage();

        PageCollector.Page<String> page = ListResponses.names(body, "shares", 10);

        assertThat(page.items()).hasSize(11).startsWith("share-0", "share-1");
        assertThat(body.read).as("bytes read of the page").isLessThan(100_000);
        assertThatThrownBy(() -> PageCollector.collect((token, left) -> millionShares(left), 10,
                new ListBudget(10, "shares"), "shares", Progress.NONE))
                .isInstanceOf(SharingException.class).hasMessageContaining("lists more than 10 shares");
    }

    @Test
    void aListPageIsDecodedStrictly() {
        byte[] latin1 = "{\"items\":[{\"name\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ListResponses.names(new ByteArrayInputStream(latin1), "shares", 100))
                .isInstanceOf(SharingException.class).hasMessageContaining("not UTF-8");
        assertThat(catchThrowable(() -> ListResponses.names(new ByteArrayInputStream("{\"items\":[{\"name\":\"a\"}"
                .getBytes(StandardCharsets.UTF_8)), "shares", 100))).isInstanceOf(SharingException.class)
                .hasMessageContaining("not valid JSON");
    }
}
