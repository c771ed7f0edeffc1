package uk.consumptioninsights.dataaccess.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * A provider workspace's curated tables written as Delta-style Parquet (one folder per settlement date, the partition
 * column kept out of the files), loaded into a recipient workspace: the Recipient purpose then sees the same numbers
 * as it does on the provider's workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientLoadTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 12);
    private static final DateRange ALL = new DateRange(FIRST, LAST);

    private Path dir;
    private LocalWorkspace provider;
    private LocalWorkspace recipient;
    private SharedTableFiles consumption;
    private SharedTableFiles anomalies;

    @BeforeAll
    void share(@TempDir Path folder) throws Exception {
        dir = folder;
        provider = LocalWorkspace.open(dir.resolve("provider.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(3L, 60, FIRST, LAST, 0.05), new InjectionRates(0.08, 0.2, 0.1, 2.0))
                .build(provider, Progress.NONE);
        new WorkspaceRescorer(provider).rescore(Progress.NONE);
        consumption = partitioned("consumption", "SELECT * FROM gold.consumption_curated", List.of(
                new SharedColumn("mpan_pseudonym", "VARCHAR"), new SharedColumn("gsp_group", "VARCHAR"),
                new SharedColumn("settlement_date", "DATE"), new SharedColumn("settlement_period", "INTEGER"),
                new SharedColumn("interval_start_utc", "TIMESTAMPTZ"), new SharedColumn("kwh", "DOUBLE")), false);
        anomalies = partitioned("anomalies", "SELECT * FROM gold.anomalies_curated", List.of(
                new SharedColumn("anomaly_id", "VARCHAR"), new SharedColumn("mpan_pseudonym", "VARCHAR"),
                new SharedColumn("gsp_group", "VARCHAR"), new SharedColumn("anomaly_type", "VARCHAR"),
                new SharedColumn("severity", "VARCHAR"), new SharedColumn("score", "DOUBLE"),
                new SharedColumn("settlement_date", "DATE"), new SharedColumn("interval_start_utc", "TIMESTAMPTZ"),
                new SharedColumn("interval_end_utc", "TIMESTAMPTZ"), new SharedColumn("expected_kwh", "DOUBLE"),
                new SharedColumn("actual_kwh", "DOUBLE"), new SharedColumn("reason", "VARCHAR"),
                new SharedColumn("detector", "VARCHAR"), new SharedColumn("learned_score", "DOUBLE")), true);
        recipient = LocalWorkspace.open(dir.resolve("recipient.duckdb"), WorkspaceLayout.RECIPIENT);
        RecipientLoad.load(recipient, "elexon_consumption", "https://sharing.example/delta-sharing", consumption,
                Optional.of(anomalies), Progress.NONE);
    }

    @Test
    void theLoadedCopyIsItsOwnersAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        for (Path file : List.of(dir.resolve("recipient.duckdb"), dir.resolve("recipient.key"))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString()).isEqualTo("rw-------");
        }
    }

    @AfterAll
    void close() throws SQLException {
        recipient.close();
        provider.close();
    }

    /**
     * Writes {@code select}'s rows as one Parquet file per settlement date without that column, as Delta does.
     * {@code upperCase} writes the file's column names in capitals, to prove names match case-insensitively.
     */
    private SharedTableFiles partitioned(String name, String select, List<SharedColumn> columns, boolean upperCase)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<SharedTableFiles.LocalFile> files = new ArrayList<>();
        long rows = 0;
        try (Connection c = provider.newConnection(); Statement st = c.createStatement()) {
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                StringBuilder projection = new StringBuilder();
                for (SharedColumn column : columns) {
                    if (column.name().equals("settlement_date")) {
                        continue;
                    }
                    String value = column.duckdbType().equals("TIMESTAMPTZ")
                            ? "CAST(" + column.name() + " AS TIMESTAMPTZ)" : column.name();
                    projection.append(projection.isEmpty() ? "" : ", ").append(value).append(" AS ")
                            .append(upperCase ? column.name().toUpperCase() : column.name());
                }
                Path file = folder.resolve("part-" + day + ".parquet");
                st.execute("COPY (SELECT " + projection + " FROM (" + select + ") WHERE settlement_date = DATE '" + day
                        + "') TO '" + file + "' (FORMAT PARQUET)");
                files.add(new SharedTableFiles.LocalFile(file, Map.of("settlement_date", day.toString())));
            }
            rows = WorkspaceSql.longOf(provider, "SELECT count(*) FROM (" + select + ")");
        }
        return new SharedTableFiles("elexon_consumption.curated." + name, 3, columns, List.of("settlement_date"), files,
                OptionalLong.of(rows));
    }

    @Test
    void theRecipientSeesTheSameNumbersAsOnTheProvidersWorkspace() {
        WorkspaceConsumptionSource atProvider = new WorkspaceConsumptionSource(provider);
        WorkspaceConsumptionSource atRecipient = new WorkspaceConsumptionSource(recipient);

        OverviewKpis expected = atProvider.overview(PurposeRole.RECIPIENT, ALL);
        OverviewKpis shown = atRecipient.overview(PurposeRole.RECIPIENT, ALL);
        assertThat(shown.distinctMeters()).isEqualTo(expected.distinctMeters());
        assertThat(shown.readings()).isEqualTo(expected.readings());
        assertThat(shown.latestReadingStart()).isEqualTo(expected.latestReadingStart());
        assertThat(shown.totalKwh()).isCloseTo(expected.totalKwh(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(atRecipient.availableRange(PurposeRole.RECIPIENT)).isEqualTo(ALL);
        // The provider sums its GSP-group rollup, the recipient its copy of the readings: the same sums, added in
        // another order, so equal to the last few bits.
        HalfHourlySeries atHome = atRecipient.consumption(PurposeRole.RECIPIENT, new SeriesScope.AllMeters(), ALL).series();
        HalfHourlySeries there = atProvider.consumption(PurposeRole.RECIPIENT, new SeriesScope.AllMeters(), ALL).series();
        assertThat(atHome.size()).isEqualTo(there.size()).isPositive();
        for (int i = 0; i < there.size(); i++) {
            assertThat(atHome.epochSecondAt(i)).isEqualTo(there.epochSecondAt(i));
            assertThat(atHome.kwhAt(i)).isCloseTo(there.kwhAt(i), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(atRecipient.meters(PurposeRole.RECIPIENT)).isEqualTo(atProvider.meters(PurposeRole.RECIPIENT));
    }

    @Test
    void theSharesDetectionsComeWithTheSourceAndLocalOnesAreLocal() throws SQLException {
        WorkspaceConsumptionSource atRecipient = new WorkspaceConsumptionSource(recipient);
        AnomalyListing.Detections shared = (AnomalyListing.Detections) atRecipient.anomalies(PurposeRole.RECIPIENT, ALL);
        assertThat(shared.rows()).hasSize((int) WorkspaceSql.longOf(provider, "SELECT count(*) FROM gold.anomalies"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.origin()).isEqualTo(AnomalyOrigin.SOURCE));

        new WorkspaceRescorer(recipient).rescore(Progress.NONE);
        AnomalyListing.Detections both = (AnomalyListing.Detections) atRecipient.anomalies(PurposeRole.RECIPIENT, ALL);
        List<String> pseudonyms = WorkspaceSql.strings(provider, "SELECT mpan_pseudonym FROM gold.meters");
        assertThat(both.rows()).filteredOn(r -> r.origin() == AnomalyOrigin.LOCAL).isNotEmpty()
                .allSatisfy(r -> assertThat(pseudonyms).contains(r.meterLabel()));
        assertThat(both.rows()).filteredOn(r -> r.origin() == AnomalyOrigin.SOURCE).hasSameSizeAs(shared.rows());
    }

    @Test
    void aRecipientCopyIsDescribedAsTheShareAndAnswersForTheRecipientOnly() {
        WorkspaceConsumptionSource atRecipient = new WorkspaceConsumptionSource(recipient);
        assertThat(atRecipient.descriptor().kind()).isEqualTo(SourceKind.RECIPIENT);
        assertThat(atRecipient.descriptor().name()).contains("elexon_consumption").contains("version 3");
        assertThat(atRecipient.descriptor().location()).isEqualTo("https://sharing.example/delta-sharing");
        assertThat(atRecipient.roles()).containsExactly(PurposeRole.RECIPIENT);
    }

    @Test
    void noRawMpanReachesTheRecipientWorkspace() throws SQLException {
        List<String> mpans = WorkspaceSql.strings(provider, "SELECT mpan FROM gold.meters");
        assertThat(WorkspaceSql.longOf(recipient, "SELECT count(*) FROM shared.consumption_half_hourly c WHERE c.mpan_pseudonym IN ("
                + String.join(",", mpans.stream().map(m -> "'" + m + "'").toList()) + ")")).isZero();
        List<String> pseudonyms = WorkspaceSql.strings(provider, "SELECT mpan_pseudonym FROM gold.meters");
        assertThat(WorkspaceSql.strings(recipient, "SELECT mpan FROM gold.meters"))
                .as("the recipient's meter key is the provider's pseudonym").containsExactlyInAnyOrderElementsOf(pseudonyms);
    }

    @Test
    void aShortLoadIsRefusedAndTheTablesLoadedBeforeStay() throws SQLException {
        long before = WorkspaceSql.longOf(recipient, "SELECT count(*) FROM shared.consumption_half_hourly");
        SharedTableFiles missingADay = new SharedTableFiles(consumption.title(), 4, consumption.columns(),
                consumption.partitionColumns(), consumption.files().subList(1, consumption.files().size()),
                consumption.expectedRows());
        assertThatThrownBy(() -> RecipientLoad.load(recipient, "elexon_consumption", "https://sharing.example/delta-sharing",
                missingADay, Optional.empty(), Progress.NONE))
                .isInstanceOf(SourceException.class).hasMessageContaining("should have " + before + " rows");
        assertThat(WorkspaceSql.longOf(recipient, "SELECT count(*) FROM shared.consumption_half_hourly")).isEqualTo(before);
        assertThat(WorkspaceSql.longOf(recipient, "SELECT count(*) FROM shared.anomalies")).isPositive();
        assertThat(new WorkspaceConsumptionSource(recipient).descriptor().name()).contains("version 3");
    }

    @Test
    void emptyPartitionValuesAreNullAndMissingOptionalColumnsReadAsNull() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sparse"));
        Path file = folder.resolve("part-0.parquet");
        try (Connection c = provider.newConnection(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'A-1' AS anomaly_id, 'mp_x' AS mpan_pseudonym, '_A' AS gsp_group, 'theft' AS anomaly_type, "
                    + "'high' AS severity, 0.9 AS score, TIMESTAMPTZ '2026-10-02 10:00:00+00' AS interval_start_utc, "
                    + "TIMESTAMPTZ '2026-10-02 12:00:00+00' AS interval_end_utc) TO '" + file + "' (FORMAT PARQUET)");
        }
        SharedTableFiles sparse = new SharedTableFiles("s.c.sparse", 1, anomalies.columns().subList(0, 9),
                List.of("settlement_date"), List.of(new SharedTableFiles.LocalFile(file, Map.of("settlement_date", ""))),
                OptionalLong.of(1));
        try (Connection c = recipient.newConnection()) {
            assertThat(SharedTableImport.into(c, "shared.sparse_check", SharedTableKind.ANOMALIES, sparse)).isEqualTo(1);
            try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT settlement_date IS NULL, reason IS NULL, learned_score IS NULL, anomaly_type, "
                            + "epoch(interval_start_utc)::BIGINT FROM shared.sparse_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).containsOnly(true);
                assertThat(rs.getString(4)).isEqualTo("theft");
                assertThat(rs.getLong(5)).as("a UTC instant stays that instant")
                        .isEqualTo(java.time.Instant.parse("2026-10-02T10:00:00Z").getEpochSecond());
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE shared.sparse_check");
            }
        }
        assertThat(SharedTableKind.of(anomalies.columns())).isEqualTo(SharedTableKind.ANOMALIES);
        assertThat(SharedTableKind.of(consumption.columns())).isEqualTo(SharedTableKind.CONSUMPTION);
        assertThat(SharedTableKind.CONSUMPTION.missingFrom(List.of(new SharedColumn("KWH", "DOUBLE"))))
                .doesNotContain("kwh").contains("mpan_pseudonym");
    }
}
