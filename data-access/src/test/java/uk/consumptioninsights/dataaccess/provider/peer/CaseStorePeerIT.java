package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.consumptioninsights.dataaccess.cases.CasePage;
import uk.consumptioninsights.dataaccess.cases.CaseQuery;
import uk.consumptioninsights.dataaccess.cases.CaseStoreScenarios;
import uk.consumptioninsights.dataaccess.cases.CaseUpdateResult;
import uk.consumptioninsights.dataaccess.cases.SteppingClock;
import uk.consumptioninsights.dataaccess.cases.WarehouseCaseStore;
import uk.consumptioninsights.dataaccess.provider.ProviderConnector;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.provider.WarehouseSessions;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseCategory;
import uk.consumptioninsights.model.cases.CaseChange;
import uk.consumptioninsights.model.cases.CaseDraft;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CasePriority;
import uk.consumptioninsights.model.cases.CaseReport;
import uk.consumptioninsights.model.cases.CaseStatus;

/**
 * The warehouse store through the real databricks-jdbc driver on the Spark + Delta peer, on the tables notebook 00
 * creates (run here with its parameters, as the job runs it): each analyst has a store with sessions of its own, as two
 * workbenches would.
 */
@Tag("provider-peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStorePeerIT {

    private static final String PREFIX = "cases_";
    private static final Map<String, String> PARAMETERS = Map.of("catalog", PeerRuntime.CATALOG,
            "bronze_schema", PREFIX + "bronze", "silver_schema", PREFIX + "silver", "schema", PREFIX + "gold",
            "evaluation_schema", PREFIX + "evaluation");

    private WarehouseSessions aliceSessions;
    private WarehouseSessions bobSessions;
    private WarehouseCaseStore alice;
    private WarehouseCaseStore bob;
    private String namespace;

    @BeforeAll
    void notebookTablesOnThePeer() throws Exception {
        PeerRuntime runtime = PeerRuntime.shared();
        ProviderConnector connector = runtime.connector(PeerRuntime.CATALOG, PREFIX + "gold");
        try (Connection c = connector.open(); Statement st = c.createStatement()) {
            for (String schema : List.of("bronze", "silver", "gold", "evaluation")) {
                st.execute("DROP SCHEMA IF EXISTS " + PeerRuntime.CATALOG + "." + PREFIX + schema + " CASCADE");
            }
            new NotebookRun(c, PARAMETERS, DatabricksOnlyStatements.read()).run("00_setup.sql");
        }
        namespace = WarehouseConsumptionSource.namespace(connector.settings());
        SteppingClock clock = new SteppingClock(Instant.parse("2026-12-01T08:00:00Z"));
        aliceSessions = new WarehouseSessions(connector);
        bobSessions = new WarehouseSessions(connector);
        alice = new WarehouseCaseStore(aliceSessions, namespace, "alice@example.com", clock);
        bob = new WarehouseCaseStore(bobSessions, namespace, "bob@example.com", clock);
    }

    @AfterAll
    void close() {
        if (aliceSessions != null) {
            aliceSessions.close();
        }
        if (bobSessions != null) {
            bobSessions.close();
        }
    }

    @Test
    void aStaleEditIsAConflictNamingWhoChangedItAndWhen() {
        CaseStoreScenarios.aStaleEditIsAConflictNamingWhoChangedItAndWhen(alice, bob);
    }

    @Test
    void refusedMovesWriteNothing() {
        CaseStoreScenarios.refusedMovesWriteNothing(alice);
    }

    @Test
    void theMpanStaysWithSettlementAndOutOfTheTablesOtherPurposesAreGranted() throws Exception {
        CaseStoreScenarios.theMpanStaysWithSettlement(alice);
        String mpan = CaseStoreScenarios.MPAN.core();
        aliceSessions.with(c -> {
            try (Statement st = c.createStatement()) {
                // Every text column of the two tables other purposes are granted.
                Map<String, String> textColumns = Map.of(
                        "case_reports", "case_id, title, category, priority, assignee, description, status, "
                                + "linked_anomaly_id, meter_kind, meter_key, raised_under, created_by, updated_by, write_id",
                        "case_activity", "case_id, actor, field, from_value, to_value");
                for (Map.Entry<String, String> table : textColumns.entrySet()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + namespace + "." + table.getKey()
                            + " WHERE concat_ws('|', " + table.getValue() + ") LIKE '%" + mpan + "%'")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table.getKey()).isZero();
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + namespace + ".case_report_mpans WHERE mpan = '"
                        + mpan + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
            return null;
        });
    }

    /** Two sessions MERGE the same version at the same moment: one is saved, the other is told who saved first. */
    @Test
    void simultaneousMergesOfOneVersionLeaveExactlyOneWinner() throws Exception {
        CaseReport raised = alice.raise(PurposeRole.RESEARCH, new CaseDraft("Late deliveries from one supplier",
                CaseCategory.DATA_QUALITY, CasePriority.LOW, Optional.empty(), "", Optional.empty(), CaseMeter.none()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long version = raised.version();
            for (int round = 0; round < 3; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                long read = version;
                int n = round;
                List<Future<CaseUpdateResult>> saves = new ArrayList<>();
                for (WarehouseCaseStore store : List.of(alice, bob)) {
                    saves.add(pool.submit(() -> {
                        together.await();
                        return store.update(PurposeRole.RESEARCH, raised.id(), read,
                                List.of(new CaseChange.Redescribe(store.actor() + " round " + n)));
                    }));
                }
                List<CaseUpdateResult> results = List.of(saves.get(0).get(), saves.get(1).get());
                assertThat(results).filteredOn(r -> r instanceof CaseUpdateResult.Saved).hasSize(1);
                assertThat(results).filteredOn(r -> r instanceof CaseUpdateResult.EditConflict).hasSize(1);
                CaseReport winner = results.stream().filter(r -> r instanceof CaseUpdateResult.Saved)
                        .map(r -> ((CaseUpdateResult.Saved) r).report()).findFirst().orElseThrow();
                CaseUpdateResult.EditConflict loser = (CaseUpdateResult.EditConflict) results.stream()
                        .filter(r -> r instanceof CaseUpdateResult.EditConflict).findFirst().orElseThrow();
                assertThat(loser.changedBy()).isEqualTo(winner.updatedBy());
                CaseReport stored = bob.find(PurposeRole.RESEARCH, raised.id()).orElseThrow();
                assertThat(stored).isEqualTo(winner);
                version = stored.version();
            }
            assertThat(version).isEqualTo(4);
            assertThat(alice.activity(raised.id())).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theListSearchesFiltersAndPagesOnTheWarehouse() {
        List<CaseReport> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(bob.raise(PurposeRole.RESEARCH, new CaseDraft("Zebra crossing " + i + (i == 2 ? " 50%_off" : ""),
                    CaseCategory.NETWORK_ANOMALY, i % 2 == 0 ? CasePriority.URGENT : CasePriority.LOW,
                    Optional.of("Zed"), "", Optional.empty(), CaseMeter.none())));
        }
        CaseQuery zebras = CaseQuery.all().withText("zebra crossing").withAssignee(Optional.of("zed"));
        CasePage first = bob.list(PurposeRole.RESEARCH, zebras.page(0, 2));
        assertThat(first.totalMatching()).isEqualTo(5);
        assertThat(first.cases()).containsExactly(mine.get(4), mine.get(3));
        assertThat(bob.list(PurposeRole.RESEARCH, zebras.page(4, 2)).cases()).containsExactly(mine.get(0));
        assertThat(bob.list(PurposeRole.RESEARCH, zebras.withPriorities(EnumSet.of(CasePriority.URGENT))
                .withStatuses(EnumSet.of(CaseStatus.OPEN))).cases()).containsExactly(mine.get(4), mine.get(2), mine.get(0));
        assertThat(bob.list(PurposeRole.RESEARCH, CaseQuery.all().withText("50%_")).cases()).containsExactly(mine.get(2));
        assertThat(bob.list(PurposeRole.RESEARCH, CaseQuery.all().withText("5_%")).totalMatching()).isZero();
    }

    @Test
    void theTrailNamesTheSignedInIdentity() {
        WarehouseCaseStore signedIn = WarehouseCaseStore.signedIn(aliceSessions);
        assertThat(signedIn.actor()).isNotBlank().isNotEqualTo(alice.actor());
        CaseReport raised = signedIn.raise(PurposeRole.MARKET_MONITORING, CaseStoreScenarios.draft("Raised signed in",
                CaseMeter.fromKey(PurposeRole.MARKET_MONITORING, CaseStoreScenarios.PSEUDONYM)));
        assertThat(alice.activity(raised.id())).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(signedIn.actor()));
        assertThat(alice.find(PurposeRole.MARKET_MONITORING, raised.id()).orElseThrow().createdBy())
                .isEqualTo(signedIn.actor());
    }
}
