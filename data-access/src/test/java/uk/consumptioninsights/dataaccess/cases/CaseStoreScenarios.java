package uk.consumptioninsights.dataaccess.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseCategory;
import uk.consumptioninsights.model.cases.CaseChange;
import uk.consumptioninsights.model.cases.CaseDraft;
import uk.consumptioninsights.model.cases.CaseField;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CasePriority;
import uk.consumptioninsights.model.cases.CaseReport;
import uk.consumptioninsights.model.cases.CaseStatus;
import uk.consumptioninsights.model.cases.MeterKeyRefused;
import uk.consumptioninsights.model.cases.StatusTransitionRefused;
import uk.consumptioninsights.model.meter.Mpan;

/**
 * What every CaseStore must do, run against the local workspace (WorkspaceCaseStoreTest) and through the real driver
 * on the Spark + Delta peer (CaseStorePeerIT). {@code alice} and {@code bob} are two stores on the same storage with
 * their own sessions, as two analysts' workbenches would be.
 */
public final class CaseStoreScenarios {

    public static final Mpan MPAN = Mpan.of(19, 123_456_789L);
    public static final String PSEUDONYM = "P0123456789abcdef";

    private CaseStoreScenarios() {
    }

    public static CaseDraft draft(String title, CaseMeter meter) {
        return new CaseDraft(title, CaseCategory.THEFT_BYPASS, CasePriority.HIGH, Optional.empty(),
                "Consumption fell by 60 % overnight", Optional.of("anomaly-42"), meter);
    }

    /** Both read version 1; alice saves; bob's save of what he read is a conflict naming alice, and writes nothing. */
    public static void aStaleEditIsAConflictNamingWhoChangedItAndWhen(CaseStore alice, CaseStore bob) {
        CaseReport raised = alice.raise(PurposeRole.MARKET_MONITORING,
                draft("Bypass suspected", CaseMeter.fromKey(PurposeRole.MARKET_MONITORING, PSEUDONYM)));
        CaseReport seenByBob = bob.find(PurposeRole.MARKET_MONITORING, raised.id()).orElseThrow();
        assertThat(seenByBob).isEqualTo(raised);

        CaseUpdateResult first = alice.update(PurposeRole.MARKET_MONITORING, raised.id(), raised.version(),
                List.of(new CaseChange.MoveTo(CaseStatus.INVESTIGATING), new CaseChange.Reassign(Optional.of("alice"))));
        assertThat(first).isInstanceOf(CaseUpdateResult.Saved.class);
        CaseReport savedByAlice = ((CaseUpdateResult.Saved) first).report();
        assertThat(savedByAlice.version()).isEqualTo(2);

        CaseUpdateResult second = bob.update(PurposeRole.MARKET_MONITORING, raised.id(), seenByBob.version(),
                List.of(new CaseChange.Reassign(Optional.of("bob")), new CaseChange.Reprioritise(CasePriority.LOW)));
        assertThat(second).isInstanceOfSatisfying(CaseUpdateResult.EditConflict.class, conflict -> {
            assertThat(conflict.changedBy()).isEqualTo(alice.actor());
            assertThat(conflict.changedAt()).isEqualTo(savedByAlice.updatedAt());
            assertThat(conflict.versionRead()).isEqualTo(1);
            assertThat(conflict.current()).isEqualTo(savedByAlice);
            assertThat(conflict.message()).contains("changed by " + alice.actor()).contains("Nothing was saved");
        });
        CaseReport stored = bob.find(PurposeRole.MARKET_MONITORING, raised.id()).orElseThrow();
        assertThat(stored).isEqualTo(savedByAlice);
        assertThat(stored.assignee()).contains("alice");
        assertThat(bob.activity(raised.id())).extracting(CaseActivity::actor).containsOnly(alice.actor());

        // Having seen the conflict, bob redoes his edit on the current version: saved, after alice's.
        CaseUpdateResult redone = bob.update(PurposeRole.MARKET_MONITORING, raised.id(), stored.version(),
                List.of(new CaseChange.Reassign(Optional.of("bob"))));
        assertThat(redone).isInstanceOfSatisfying(CaseUpdateResult.Saved.class, saved -> {
            assertThat(saved.report().version()).isEqualTo(3);
            assertThat(saved.report().updatedBy()).isEqualTo(bob.actor());
        });
    }

    /** A move the lifecycle refuses is a typed error, and nothing is written. */
    public static void refusedMovesWriteNothing(CaseStore store) {
        CaseReport raised = store.raise(PurposeRole.RESEARCH, new CaseDraft("Missing periods on 29 March",
                CaseCategory.DATA_QUALITY, CasePriority.MEDIUM, Optional.empty(), "", Optional.empty(), CaseMeter.none()));
        assertThatThrownBy(() -> store.update(PurposeRole.RESEARCH, raised.id(), 1,
                List.of(new CaseChange.Retitle("Closed without a look"), new CaseChange.MoveTo(CaseStatus.CLOSED))))
                .isInstanceOf(StatusTransitionRefused.class)
                .hasMessage("A case that is Open cannot move to Closed: from Open it can move to Investigating.");
        assertThat(store.find(PurposeRole.RESEARCH, raised.id())).contains(raised);
        assertThat(store.activity(raised.id())).hasSize(1);

        long version = 1;
        for (CaseStatus next : List.of(CaseStatus.INVESTIGATING, CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.OPEN)) {
            CaseUpdateResult result = store.update(PurposeRole.RESEARCH, raised.id(), version,
                    List.of(new CaseChange.MoveTo(next)));
            assertThat(result).isInstanceOf(CaseUpdateResult.Saved.class);
            version = ((CaseUpdateResult.Saved) result).report().version();
        }
        long reached = version;
        assertThatThrownBy(() -> store.update(PurposeRole.RESEARCH, raised.id(), reached,
                List.of(new CaseChange.MoveTo(CaseStatus.ESCALATED))))
                .isInstanceOf(StatusTransitionRefused.class);
        assertThat(store.activity(raised.id())).extracting(CaseActivity::field, a -> a.from().orElse(""), a -> a.to().orElse(""))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CaseField.RAISED, "", "open"),
                        org.assertj.core.groups.Tuple.tuple(CaseField.STATUS, "open", "investigating"),
                        org.assertj.core.groups.Tuple.tuple(CaseField.STATUS, "investigating", "resolved"),
                        org.assertj.core.groups.Tuple.tuple(CaseField.STATUS, "resolved", "closed"),
                        org.assertj.core.groups.Tuple.tuple(CaseField.STATUS, "closed", "open"));
    }

    /**
     * A Settlement case keeps its MPAN for Settlement; every other purpose reads the meter as withheld, and no other
     * purpose can raise a case with an MPAN.
     */
    public static void theMpanStaysWithSettlement(CaseStore store) {
        CaseReport settlement = store.raise(PurposeRole.SETTLEMENT,
                draft("Meter 19 bypass", CaseMeter.fromKey(PurposeRole.SETTLEMENT, MPAN.core())));
        assertThat(store.find(PurposeRole.SETTLEMENT, settlement.id()).orElseThrow().meter())
                .isEqualTo(new CaseMeter.MpanMeter(MPAN));
        for (PurposeRole other : List.of(PurposeRole.MARKET_MONITORING, PurposeRole.RESEARCH, PurposeRole.RECIPIENT)) {
            CaseReport seen = store.find(other, settlement.id()).orElseThrow();
            assertThat(seen.meter()).isInstanceOf(CaseMeter.WithheldMeter.class);
            assertThat(seen.toString()).doesNotContain(MPAN.core());
            assertThat(store.list(other, CaseQuery.all()).cases()).extracting(Object::toString)
                    .noneMatch(text -> text.contains(MPAN.core()));
            assertThatThrownBy(() -> store.raise(other, draft("Sneaked in", new CaseMeter.MpanMeter(MPAN))))
                    .isInstanceOf(MeterKeyRefused.class);
        }
        CaseReport pseudonymous = store.raise(PurposeRole.MARKET_MONITORING,
                draft("Pseudonymous", CaseMeter.fromKey(PurposeRole.MARKET_MONITORING, PSEUDONYM)));
        assertThat(store.find(PurposeRole.SETTLEMENT, pseudonymous.id()).orElseThrow().meter().key()).contains(PSEUDONYM);
        assertThat(store.find(PurposeRole.RESEARCH, pseudonymous.id()).orElseThrow().meter())
                .isInstanceOf(CaseMeter.WithheldMeter.class);
    }
}
