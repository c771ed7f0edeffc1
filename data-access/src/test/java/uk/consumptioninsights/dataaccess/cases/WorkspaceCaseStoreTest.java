package uk.consumptioninsights.dataaccess.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseCategory;
import uk.consumptioninsights.model.cases.CaseChange;
import uk.consumptioninsights.model.cases.CaseDraft;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CasePriority;
import uk.consumptioninsights.model.cases.CaseReport;
import uk.consumptioninsights.model.cases.CaseStatus;

class WorkspaceCaseStoreTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;
    private LocalWorkspace workspace;
    private WorkspaceCaseStore alice;
    private WorkspaceCaseStore bob;

    @BeforeEach
    void open() throws Exception {
        workspace = LocalWorkspace.open(dir.resolve("cases.duckdb"));
        SteppingClock clock = new SteppingClock(START);
        alice = new WorkspaceCaseStore(workspace, "alice", clock);
        bob = new WorkspaceCaseStore(workspace, "bob", clock);
    }

    @AfterEach
    void close() throws Exception {
        workspace.close();
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
    void theMpanStaysWithSettlementAndOutOfTheCaseTable() throws Exception {
        CaseStoreScenarios.theMpanStaysWithSettlement(alice);
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            for (String table : List.of("gold.case_reports", "gold.case_activity")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " t WHERE CAST(t AS VARCHAR) LIKE '%"
                        + CaseStoreScenarios.MPAN.core() + "%'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isZero();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT mpan FROM gold.case_report_mpans")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(CaseStoreScenarios.MPAN.core());
            }
        }
    }

    /** Two sessions save the same version at the same moment, many times: exactly one wins each time. */
    @Test
    void simultaneousSavesOfOneVersionLeaveExactlyOneWinner() throws Exception {
        CaseReport raised = alice.raise(PurposeRole.RESEARCH, new CaseDraft("Duplicates on 25 October",
                CaseCategory.DATA_QUALITY, CasePriority.LOW, Optional.empty(), "", Optional.empty(), CaseMeter.none()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long version = raised.version();
            for (int round = 0; round < 20; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                long read = version;
                int n = round;
                List<Future<CaseUpdateResult>> saves = new ArrayList<>();
                for (WorkspaceCaseStore store : List.of(alice, bob)) {
                    Callable<CaseUpdateResult> save = () -> {
                        together.await();
                        return store.update(PurposeRole.RESEARCH, raised.id(), read,
                                List.of(new CaseChange.Redescribe(store.actor() + " round " + n)));
                    };
                    saves.add(pool.submit(save));
                }
                List<CaseUpdateResult> results = List.of(saves.get(0).get(), saves.get(1).get());
                assertThat(results).filteredOn(r -> r instanceof CaseUpdateResult.Saved).hasSize(1);
                assertThat(results).filteredOn(r -> r instanceof CaseUpdateResult.EditConflict).hasSize(1);
                CaseReport winner = results.stream().filter(r -> r instanceof CaseUpdateResult.Saved)
                        .map(r -> ((CaseUpdateResult.Saved) r).report()).findFirst().orElseThrow();
                CaseUpdateResult.EditConflict loser = (CaseUpdateResult.EditConflict) results.stream()
                        .filter(r -> r instanceof CaseUpdateResult.EditConflict).findFirst().orElseThrow();
                assertThat(loser.changedBy()).isEqualTo(winner.updatedBy());
                CaseReport stored = alice.find(PurposeRole.RESEARCH, raised.id()).orElseThrow();
                assertThat(stored).isEqualTo(winner);
                assertThat(stored.description()).isEqualTo(winner.updatedBy() + " round " + n);
                version = stored.version();
            }
            assertThat(version).isEqualTo(21);
            assertThat(alice.activity(raised.id())).hasSize(21);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void casesOutliveTheSessionThatSavedThem() throws Exception {
        CaseReport raised = alice.raise(PurposeRole.SETTLEMENT,
                CaseStoreScenarios.draft("Kept", CaseMeter.fromKey(PurposeRole.SETTLEMENT, CaseStoreScenarios.MPAN.core())));
        workspace.close();
        workspace = LocalWorkspace.open(dir.resolve("cases.duckdb"));
        WorkspaceCaseStore reopened = WorkspaceCaseStore.forOsUser(workspace);
        assertThat(reopened.find(PurposeRole.SETTLEMENT, raised.id())).contains(raised);
        assertThat(reopened.actor()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void theListSearchesFiltersAndPagesLikeTheCasesThemselves() {
        List<CaseReport> all = new ArrayList<>();
        CaseCategory[] categories = CaseCategory.values();
        CasePriority[] priorities = CasePriority.values();
        for (int i = 0; i < 57; i++) {
            String title = i % 5 == 0 ? "Flat run at 100% on meter " + i : "Drop on day " + i;
            CaseReport raised = alice.raise(PurposeRole.RESEARCH, new CaseDraft(title, categories[i % categories.length],
                    priorities[i % priorities.length], i % 3 == 0 ? Optional.of(i % 2 == 0 ? "Dana" : "eve")
                    : Optional.empty(), i % 7 == 0 ? "Seen by the FLAT-line rule" : "", Optional.empty(), CaseMeter.none()));
            if (i % 4 == 0) {
                CaseUpdateResult moved = alice.update(PurposeRole.RESEARCH, raised.id(), 1,
                        List.of(new CaseChange.MoveTo(CaseStatus.INVESTIGATING)));
                raised = ((CaseUpdateResult.Saved) moved).report();
            }
            all.add(raised);
        }
        List<CaseReport> newestFirst = all.stream().sorted(Comparator.comparing(CaseReport::updatedAt).reversed()
                .thenComparing(r -> r.id().value())).toList();

        CaseQuery flat = CaseQuery.all().withText("flat");
        assertThat(alice.list(PurposeRole.RESEARCH, flat).cases()).containsExactlyElementsOf(newestFirst.stream()
                .filter(r -> r.title().toLowerCase().contains("flat") || r.description().toLowerCase().contains("flat"))
                .toList());
        // The user's % is a character, not a wildcard.
        assertThat(alice.list(PurposeRole.RESEARCH, CaseQuery.all().withText("100%")).totalMatching()).isEqualTo(12);
        assertThat(alice.list(PurposeRole.RESEARCH, CaseQuery.all().withText("1%0")).totalMatching()).isZero();

        CaseQuery filtered = CaseQuery.all().withStatuses(EnumSet.of(CaseStatus.INVESTIGATING))
                .withCategories(EnumSet.of(CaseCategory.THEFT_BYPASS, CaseCategory.DATA_QUALITY, CaseCategory.OTHER))
                .withPriorities(EnumSet.of(CasePriority.URGENT, CasePriority.MEDIUM));
        assertThat(alice.list(PurposeRole.RESEARCH, filtered).cases()).containsExactlyElementsOf(newestFirst.stream()
                .filter(r -> r.status() == CaseStatus.INVESTIGATING && filtered.categories().contains(r.category())
                        && filtered.priorities().contains(r.priority())).toList());
        assertThat(alice.list(PurposeRole.RESEARCH, CaseQuery.all().withAssignee(Optional.of("dana"))).cases())
                .containsExactlyElementsOf(newestFirst.stream().filter(r -> r.assignee().equals(Optional.of("Dana")))
                        .toList());

        List<CaseReport> paged = new ArrayList<>();
        Set<Long> totals = new HashSet<>();
        CaseQuery page = CaseQuery.all().page(0, 10);
        CasePage answer;
        do {
            answer = alice.list(PurposeRole.RESEARCH, page);
            paged.addAll(answer.cases());
            totals.add(answer.totalMatching());
            page = page.nextPage();
        } while (answer.hasNext());
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        assertThat(totals).containsExactly(57L);
    }
}
