package uk.consumptioninsights.dataaccess.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Answer;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

class MarketFailuresTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-02-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate HELD = LocalDate.of(2024, 1, 15);
    private static final LocalDate NEXT = LocalDate.of(2024, 1, 16);

    @TempDir
    Path dir;

    private MarketFixtureServer server;
    private LocalWorkspace workspace;
    private String before;

    @BeforeEach
    void start() throws Exception {
        server = new MarketFixtureServer();
        workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
        RefreshReport first = new MarketRefresh(workspace, server.settings(), NOW).refresh(DayRange.of(HELD),
                Set.of(MarketDataset.FUELHH, MarketDataset.SYSTEM_PRICES), Progress.NONE);
        assertThat(first.succeeded()).isTrue();
        before = snapshot();
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        server.close();
    }

    @Test
    void aServerErrorIsRetriedThenReportedInOneLineAndStoredDataStays() throws Exception {
        server.always("/bmrs/api/v1/", Answer.status(500, "{\"title\":\"boom\"}"));

        RefreshReport report = refreshNext(server.settings());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("\n")
                .startsWith("The Elexon Insights API failed when asked to fetch").contains("(500")
                .contains("Try again later").contains("tried 3 times"));
        assertThat(server.count("/datasets/FUELHH")).isEqualTo(1 + 3);
        assertUnchanged();
        assertThat(failedLogRows()).isEqualTo(2);
    }

    @Test
    void aBusyServerIsWaitedForAndTheRefreshSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/bmrs/api/v1/datasets/FUELHH", r -> calls.incrementAndGet() == 1
                ? new Answer(429, "", Map.of("Retry-After", "0"), Duration.ZERO)
                : Answer.json(SyntheticMarket.fuelhh(NEXT, NEXT)));

        RefreshReport report = refreshNext(server.settings());

        assertThat(report.succeeded()).isTrue();
        assertThat(calls.get()).isEqualTo(2);
        assertThat(new MarketQueries(workspace).completeness(MarketDataset.FUELHH, DayRange.of(NEXT)).get(0)
                .complete()).isTrue();
    }

    @Test
    void aBadRequestQuotesTheBodyOnceAndIsNotRetried() throws Exception {
        server.always("/bmrs/api/v1/", Answer.status(400, """
                {"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"Bad Request","status":400,
                 "message":"The date range is too large.\\nUse at most 7 days."}"""));

        RefreshReport report = refreshNext(server.settings());

        assertThat(report.problems()).first().asString().contains("(400: The date range is too large. Use at most 7")
                .contains("Check the date range").doesNotContain("\n");
        assertThat(server.count("/datasets/FUELHH")).isEqualTo(1 + 1);
        assertUnchanged();
    }

    @Test
    void anOversizedAnswerIsRefusedInOneLine() throws Exception {
        MarketSettings small = server.settings().withLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 10_000);

        RefreshReport report = refreshNext(small);

        assertThat(report.problems()).hasSize(2).first().asString().doesNotContain("\n")
                .contains("sent more than").contains("when asked to fetch the generation by fuel type")
                .contains("Ask for fewer days at a time").doesNotContain("data provider");
        assertUnchanged();
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsReportedInOneLine() throws Exception {
        server.always("/bmrs/api/v1/", new Answer(200, "{\"data\":[]}", Map.of(), Duration.ofSeconds(3)));
        MarketSettings quick = server.settings().withLimits(Duration.ofSeconds(1), Duration.ofMillis(300), 1_000_000)
                .withRetries(uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy.none(),
                        server.settings().sleeper(), Duration.ZERO);

        RefreshReport report = refreshNext(quick);

        assertThat(report.problems()).hasSize(2).first().asString().doesNotContain("\n")
                .contains("The Elexon Insights API").contains("did not answer in time");
        assertUnchanged();
    }

    @Test
    void anAnswerThatIsNotJsonOrHasNoRowsIsReportedInOneLine() {
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json("<html>maintenance</html>"));
        server.always("/bmrs/api/v1/demand/outturn", Answer.json("{\"metadata\":{}}"));
        ElexonClient client = new ElexonClient(server.settings());

        assertThatThrownBy(() -> client.fuelGeneration(DayRange.of(NEXT), Progress.NONE))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("not JSON")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> client.demandOutturn(DayRange.of(NEXT), Progress.NONE))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("unexpected shape");
    }

    private RefreshReport refreshNext(MarketSettings settings) throws Exception {
        return new MarketRefresh(workspace, settings, NOW).refresh(new DayRange(HELD, NEXT),
                Set.of(MarketDataset.FUELHH, MarketDataset.SYSTEM_PRICES), Progress.NONE);
    }

    private void assertUnchanged() throws Exception {
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() throws Exception {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT (SELECT count(*) || '/' || sum(generation_mw) FROM market.fuel_generation) || ' '
                         || (SELECT count(*) || '/' || sum(system_sell_price) FROM market.system_prices)""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long failedLogRows() throws Exception {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM market.fetch_log WHERE outcome = 'failed'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
