package uk.consumptioninsights.dataaccess.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.credentials.InMemoryCredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretAbsent;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretFound;
import uk.consumptioninsights.dataaccess.sharing.CapturedLogs;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

/**
 * Pulls from the loopback Octopus fixture into a real DuckDB workspace through the real pipeline. After each test the
 * captured logs and every file in the test folder are scanned for the API key (plain and as sent in the header).
 */
class OctopusMeterPullTest {

    private static final String KEY = "sk_live_TestKey0123456789abcdefXYZ";
    private static final String WRONG_KEY = "sk_live_WrongKey9876543210zyxwvuQ";
    private static final OctopusMeter METER = OctopusMeter.of(OctopusApiFixture.MPAN, OctopusApiFixture.SERIAL);
    private static final Instant AUTUMN_DAY_START = Instant.parse("2024-10-26T23:00:00Z");
    private static final Instant AUTUMN_DAY_END = Instant.parse("2024-10-28T00:00:00Z");
    private static final Sleeper NO_WAIT = (duration, progress) -> { };

    @TempDir
    Path folder;

    private OctopusApiFixture api;
    private LocalWorkspace workspace;
    private InMemoryCredentialStore store;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assertTrue(CapturedLogs.installed(), "the capturing log provider must see every log event");
        CapturedLogs.clear();
        api = new OctopusApiFixture(KEY);
        workspace = LocalWorkspace.open(folder.resolve("octopus.duckdb"));
        store = new InMemoryCredentialStore();
    }

    @AfterEach
    void noKeyAnywhere() throws Exception {
        api.close();
        workspace.close();
        String encoded = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(KEY, encoded, WRONG_KEY)) {
            assertFalse(CapturedLogs.all().contains(secret), "a log holds the API key");
            for (String message : messages) {
                assertFalse(message.contains(secret), "a message holds the API key: " + message);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains(secret), "the file " + file.getFileName() + " holds the API key");
                }
            }
        }
    }

    private OctopusMeterPull pull(OctopusSettings settings) {
        return new OctopusMeterPull(settings, new OctopusCredentials(store), NO_WAIT, Clock.systemUTC());
    }

    private OctopusSettings settings(int pageSize) {
        return OctopusSettings.defaults().withApiBase(api.base()).withPageSizes(pageSize, 1500)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 0));
    }

    private OctopusPullReport addAutumnDay(int pageSize) {
        api.holdReadings(AUTUMN_DAY_START, AUTUMN_DAY_END);
        return remember(pull(settings(pageSize)).addMeter(workspace, METER, new ProviderSecret(KEY), Optional.empty(),
                AUTUMN_DAY_START, Progress.NONE));
    }

    private OctopusPullReport remember(OctopusPullReport report) {
        messages.add(report.summary());
        messages.add(report.toString());
        return report;
    }

    private OctopusException failure(Runnable pull) {
        OctopusException failure = assertThrows(OctopusException.class, pull::run);
        messages.add(failure.getMessage());
        messages.add(failure.toString());
        assertFalse(failure.getMessage().contains("\n"), "one line: " + failure.getMessage());
        return failure;
    }

    @Test
    void theRecordedPagesAreReadAcrossTheClockChangeWithTheKeyOnlyWhereNeeded() throws Exception {
        api.serveRecordedPages(true);
        api.holdReadings(Instant.parse("2024-10-26T22:00:00Z"), Instant.parse("2024-10-27T02:00:00Z"));
        OctopusPullReport report = remember(pull(settings(4)).addMeter(workspace, METER, new ProviderSecret(KEY),
                Optional.empty(), Instant.parse("2024-10-26T22:00:00Z"),
                Optional.of(Instant.parse("2024-10-27T02:00:00Z")), Progress.NONE));

        assertEquals(8, report.intervalsFetched());
        List<OctopusApiFixture.Request> consumption = api.consumptionRequests();
        assertEquals(2, consumption.size(), "page 1 and the page its next link names");
        assertEquals("2", consumption.get(1).query().get("page"));
        for (OctopusApiFixture.Request request : consumption) {
            assertEquals(Optional.of(OctopusApiFixture.basic(KEY)), request.authorization());
        }
        assertTrue(api.requests().stream().filter(r -> !r.isConsumption()).allMatch(r -> r.authorization().isEmpty()),
                "public endpoints get no key");
        // 01:00+01:00 and 01:00Z are different half-hours: settlement periods 3 and 5 of the clock-change day.
        Map<Instant, Double> recorded = OctopusApiFixture.recordedReadings();
        List<Object[]> rows = rows("SELECT settlement_date, settlement_period, interval_start_utc, kwh "
                + "FROM gold.consumption_half_hourly ORDER BY interval_start_utc");
        assertEquals(8, rows.size());
        for (Object[] row : rows) {
            Instant start = UtcTimestamps.fromColumn(row[2]);
            SettlementPeriod expected = SettlementCalendar.periodOf(start);
            assertEquals(expected.settlementDate(), row[0]);
            assertEquals(expected.period(), ((Number) row[1]).intValue());
            assertEquals(recorded.get(start), (Double) row[3], 1e-12);
        }
        assertEquals(List.of("2024-10-26 47", "2024-10-26 48", "2024-10-27 1", "2024-10-27 2", "2024-10-27 3",
                "2024-10-27 4", "2024-10-27 5", "2024-10-27 6"), rows.stream().map(r -> r[0] + " " + r[1]).toList());
    }

    @Test
    void theAutumnClockChangeDayHasFiftyPeriodsOnceAndASecondPullFetchesNothing() throws Exception {
        OctopusPullReport first = addAutumnDay(7);
        assertEquals(50, first.intervalsFetched());
        assertTrue(api.consumptionRequests().size() > 1, "the pull crossed pages");
        assertEquals(List.of(50L, 50L, 50L), row("SELECT count(*), count(DISTINCT settlement_period), "
                + "count(DISTINCT interval_start_utc) FROM silver.hh_readings WHERE settlement_date = DATE '2024-10-27'"));
        assertEquals(List.of(50L, 50L), row("SELECT CAST(periods_expected AS BIGINT), CAST(periods_read AS BIGINT) FROM gold.consumption_daily "
                + "WHERE settlement_date = DATE '2024-10-27'"));
        assertEquals(50, ((Number) row("SELECT max(settlement_period) FROM silver.hh_readings").get(0)).intValue());
        assertEquals(WorkspaceStatus.READY, workspace.status());
        assertEquals(Optional.of(AUTUMN_DAY_END), OctopusMeterPull.meters(workspace).get(0).lastIntervalEnd());
        long deliveries = count("SELECT count(*) FROM bronze.hh_deliveries");
        int requestsBefore = api.consumptionRequests().size();

        OctopusPullReport second = remember(pull(settings(7)).refresh(workspace, METER, Progress.NONE));

        assertEquals(0, second.intervalsFetched());
        List<OctopusApiFixture.Request> asked = api.consumptionRequests().subList(requestsBefore,
                api.consumptionRequests().size());
        assertEquals(1, asked.size(), "one request, answered with nothing new");
        assertEquals(AUTUMN_DAY_END.toString(), asked.get(0).query().get("period_from"));
        assertEquals(deliveries, count("SELECT count(*) FROM bronze.hh_deliveries"));
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
    }

    @Test
    void aRefreshPullsOnlyTheHalfHoursAfterTheLastOneHeld() throws Exception {
        addAutumnDay(20);
        Instant nextDayEnd = SettlementCalendar.dayStart(LocalDate.of(2024, 10, 29));
        api.holdReadings(AUTUMN_DAY_END, nextDayEnd);
        int before = api.consumptionRequests().size();

        OctopusPullReport refresh = remember(pull(settings(20)).refresh(workspace, METER, Progress.NONE));

        assertEquals(48, refresh.intervalsFetched(), "28 October is a 48-period day");
        assertEquals(AUTUMN_DAY_END.toString(), api.consumptionRequests().get(before).query().get("period_from"));
        assertEquals(98, count("SELECT count(*) FROM silver.hh_readings"));
        assertEquals(98, count("SELECT count(DISTINCT interval_start_utc) FROM silver.hh_readings"));
        assertEquals(Optional.of(nextDayEnd), OctopusMeterPull.meters(workspace).get(0).lastIntervalEnd());
    }

    @Test
    void aHalfHourListedOnTwoPagesIsStoredOnce() throws Exception {
        api.repeatRowAcrossPages();
        OctopusPullReport report = addAutumnDay(6);
        assertEquals(50, report.intervalsFetched());
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
        assertEquals(50, count("SELECT count(*) FROM bronze.hh_deliveries d, unnest(d.period_kwh) AS u(kwh) "
                + "WHERE u.kwh IS NOT NULL"));
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedBeforeAnyRequestAndNothingIsStored() throws Exception {
        api.serveRecordedPages(false);
        api.holdReadings(Instant.parse("2024-10-26T22:00:00Z"), Instant.parse("2024-10-27T02:00:00Z"));
        OctopusException refused = failure(() -> pull(settings(4)).addMeter(workspace, METER, new ProviderSecret(KEY),
                Optional.empty(), Instant.parse("2024-10-26T22:00:00Z"),
                Optional.of(Instant.parse("2024-10-27T02:00:00Z")), Progress.NONE));

        assertEquals(OctopusException.Kind.LINK_REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("https://api.octopus.energy/v1/electricity-meter-points"),
                refused.getMessage());
        assertEquals(1, api.consumptionRequests().size(), "only the first page was asked for");
        assertEquals(WorkspaceStatus.EMPTY, workspace.status());
        assertEquals(0, count("SELECT count(*) FROM bronze.hh_deliveries"));
        assertInstanceOf(SecretAbsent.class, store.read(OctopusCredentials.SERVICE, "1901234567899/21E1234567"));
    }

    @Test
    void aRefusedKeySaysToCheckTheKeyWithoutQuotingItAndKeepsNothing() throws Exception {
        api.holdReadings(AUTUMN_DAY_START, AUTUMN_DAY_END);
        OctopusException refused = failure(() -> pull(settings(10)).addMeter(workspace, METER,
                new ProviderSecret(WRONG_KEY), Optional.empty(), AUTUMN_DAY_START, Progress.NONE));

        assertEquals(OctopusException.Kind.KEY_REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("did not accept the API key (401). Check the key"),
                refused.getMessage());
        assertEquals(1, api.consumptionRequests().size(), "a refused key is not retried");
        assertEquals(WorkspaceStatus.EMPTY, workspace.status());
        assertInstanceOf(SecretAbsent.class, store.read(OctopusCredentials.SERVICE, "1901234567899/21E1234567"));
    }

    @Test
    void theKeyIsKeptInTheCredentialStoreAndRefreshUsesIt() throws Exception {
        addAutumnDay(50);
        SecretFound found = assertInstanceOf(SecretFound.class,
                store.read(OctopusCredentials.SERVICE, "1901234567899/21E1234567"));
        assertEquals(KEY, found.secret().value());
        messages.add(found.toString());

        store.delete(OctopusCredentials.SERVICE, "1901234567899/21E1234567");
        OctopusException missing = failure(() -> pull(settings(50)).refresh(workspace, METER, Progress.NONE));
        assertEquals(OctopusException.Kind.KEY_MISSING, missing.kind());
    }

    @Test
    void aServerErrorAfterTheRetriesLosesNothingStored() throws Exception {
        addAutumnDay(50);
        api.holdReadings(AUTUMN_DAY_END, AUTUMN_DAY_END.plus(Duration.ofHours(24)));
        api.fail(new OctopusApiFixture.Status(500, "{\"detail\":\"Server Error\"}"), 3);
        int before = api.consumptionRequests().size();

        OctopusException failed = failure(() -> pull(settings(50)).refresh(workspace, METER, Progress.NONE));

        assertEquals(OctopusException.Kind.SERVER, failed.kind());
        assertTrue(failed.getMessage().contains("(500: Server Error)") && failed.getMessage().contains("tried 3 times"),
                failed.getMessage());
        assertEquals(3, api.consumptionRequests().size() - before, "retried twice after the first 500");
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
        assertEquals(Optional.of(AUTUMN_DAY_END), OctopusMeterPull.meters(workspace).get(0).lastIntervalEnd());

        assertEquals(48, remember(pull(settings(50)).refresh(workspace, METER, Progress.NONE)).intervalsFetched());
    }

    @Test
    void aPageFailingHalfwayThroughAPullStoresNoneOfIt() throws Exception {
        addAutumnDay(50);
        api.holdReadings(AUTUMN_DAY_END, AUTUMN_DAY_END.plus(Duration.ofHours(24)));
        OctopusMeterPull pull = pull(settings(10));
        // The first page arrives; the second fails on every try.
        api.fail(new OctopusApiFixture.Status(200, "{\"count\":48,\"next\":\"" + api.base()
                + "/v1/electricity-meter-points/1901234567899/meters/21E1234567/consumption/?page=2\",\"previous\":null,"
                + "\"results\":[{\"consumption\":0.2,\"interval_start\":\"2024-10-28T00:00:00Z\","
                + "\"interval_end\":\"2024-10-28T00:30:00Z\"}]}"), 1);
        api.fail(new OctopusApiFixture.Status(503, ""), 3);

        OctopusException failed = failure(() -> pull.refresh(workspace, METER, Progress.NONE));

        assertEquals(OctopusException.Kind.SERVER, failed.kind());
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
        assertEquals(count("SELECT count(*) FROM bronze.hh_deliveries"),
                count("SELECT count(*) FROM bronze.hh_deliveries WHERE ingest_batch = 0"));
    }

    @Test
    void anAnswerThatNeverComesTimesOutWithAClearMessage() throws Exception {
        addAutumnDay(50);
        api.fail(new OctopusApiFixture.Stall(), 2);
        OctopusSettings slow = settings(50).withLimits(Duration.ofSeconds(30), Duration.ofMillis(300), 20_000_000)
                .withRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 0));

        OctopusException failed = failure(() -> pull(slow).refresh(workspace, METER, Progress.NONE));

        assertEquals(OctopusException.Kind.NETWORK, failed.kind());
        assertTrue(failed.getMessage().contains("did not answer in time"), failed.getMessage());
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
    }

    @Test
    void anOversizedAnswerIsCutOffWithAClearMessage() throws Exception {
        addAutumnDay(50);
        api.fail(new OctopusApiFixture.Oversized(50_000), 1);
        OctopusSettings small = settings(50).withLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 20_000);

        OctopusException failed = failure(() -> pull(small).refresh(workspace, METER, Progress.NONE));

        assertEquals(OctopusException.Kind.PROTOCOL, failed.kind());
        assertTrue(failed.getMessage().contains("sent more than"), failed.getMessage());
        assertEquals(1, api.consumptionRequests().size() - 1, "not retried");
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
    }

    @Test
    void theCostLineEqualsKwhTimesTheUnitRateComputedInSql() throws Exception {
        Instant from = Instant.parse("2024-12-01T16:00:00Z");
        Instant to = Instant.parse("2024-12-01T18:00:00Z");
        api.holdReadings(from, to);
        OctopusPullReport report = remember(pull(settings(50)).addMeter(workspace, METER, new ProviderSecret(KEY),
                Optional.of(new TariffCode(OctopusApiFixture.TARIFF)), from, Progress.NONE));
        assertEquals(4, report.ratesFetched());

        var line = OctopusCostLine.of(workspace, METER, from, to);

        assertEquals(4, line.periods().size());
        assertEquals(List.of(), line.unpriced());
        List<Object[]> sql = rows("""
                SELECT r.interval_start_utc, r.kwh * u.value_inc_vat
                FROM gold.consumption_half_hourly r JOIN octopus.unit_rates u
                  ON u.tariff_code = 'E-1R-AGILE-24-10-01-J' AND r.interval_start_utc >= u.valid_from_utc
                 AND (u.valid_to_utc IS NULL OR r.interval_start_utc < u.valid_to_utc)
                WHERE r.mpan = '1901234567899' ORDER BY 1""");
        assertEquals(4, sql.size());
        double total = 0;
        for (int i = 0; i < 4; i++) {
            assertEquals((Double) sql.get(i)[1], line.periods().get(i).costPence(), 1e-9);
            total += (Double) sql.get(i)[1];
        }
        assertEquals(total, line.totalPence(), 1e-9);
        assertEquals(33.7575, line.periods().get(0).pencePerKwh(), 1e-9, "the recorded Agile rate from 16:00Z");
    }

    @Test
    void anOctopusWorkspaceCannotTakeASecondMeterOrAnotherSource() throws Exception {
        addAutumnDay(50);
        OctopusException refused = failure(() -> pull(settings(50)).addMeter(workspace, METER, new ProviderSecret(KEY),
                Optional.empty(), AUTUMN_DAY_START, Progress.NONE));
        assertEquals(OctopusException.Kind.STORAGE, refused.kind());
        assertEquals(50, count("SELECT count(*) FROM silver.hh_readings"));
    }

    @Test
    void thePulledReadingsAppearInTheTabsWithTheMpanRawForSettlementOnly() throws Exception {
        addAutumnDay(50);
        WorkspaceConsumptionSource source = new WorkspaceConsumptionSource(workspace);
        assertTrue(source.descriptor().name().startsWith("Octopus meter 21E1234567"), source.descriptor().name());
        assertFalse(source.descriptor().toString().contains(OctopusApiFixture.MPAN));

        MeterChoice settlement = source.meters(PurposeRole.SETTLEMENT).get(0);
        assertTrue(settlement.key().equals(OctopusApiFixture.MPAN) || settlement.label().contains(OctopusApiFixture.MPAN),
                settlement.toString());
        MeterChoice market = source.meters(PurposeRole.MARKET_MONITORING).get(0);
        assertFalse(market.key().contains(OctopusApiFixture.MPAN) || market.label().contains(OctopusApiFixture.MPAN),
                market.toString());

        DateRange day = new DateRange(LocalDate.of(2024, 10, 27), LocalDate.of(2024, 10, 27));
        ConsumptionSeries series = source.consumption(PurposeRole.SETTLEMENT,
                new SeriesScope.OneMeter(settlement.key(), settlement.label()), day);
        ConsumptionSeries pseudonymous = source.consumption(PurposeRole.MARKET_MONITORING,
                new SeriesScope.OneMeter(market.key(), market.label()), day);
        assertEquals(50, series.series().size());
        assertEquals(series.series(), pseudonymous.series());
    }

    private long count(String sql) throws SQLException {
        return ((Number) row(sql).get(0)).longValue();
    }

    private List<Object> row(String sql) throws SQLException {
        return List.of(rows(sql).get(0));
    }

    private List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
