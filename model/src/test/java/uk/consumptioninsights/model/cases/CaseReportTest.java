package uk.consumptioninsights.model.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.access.PurposeRole;

class CaseReportTest {

    private static final Instant RAISED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant EDITED = Instant.parse("2026-12-02T10:30:00Z");

    private static CaseReport raised() {
        CaseDraft draft = new CaseDraft("  Flat readings  ", CaseCategory.METER_MALFUNCTION, CasePriority.MEDIUM,
                Optional.of(" "), "Stuck at 0.2 kWh", Optional.of("anomaly-7"), CaseMeter.none());
        CaseRevision raising = CaseReport.raise(CaseId.random(), draft, PurposeRole.RESEARCH, "alice", RAISED);
        assertThat(raising.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.field()).isEqualTo(CaseField.RAISED);
            assertThat(entry.to()).contains("open");
            assertThat(entry.version()).isEqualTo(1);
        });
        return raising.revised();
    }

    @Test
    void raisingTrimsTextAndStartsOpenAtVersionOne() {
        CaseReport report = raised();
        assertThat(report.title()).isEqualTo("Flat readings");
        assertThat(report.assignee()).isEmpty();
        assertThat(report.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(report.version()).isEqualTo(1);
        assertThat(report.createdBy()).isEqualTo("alice");
    }

    @Test
    void eachChangedFieldMakesOneEntryWithWhoWhenAndFromTo() {
        CaseRevision revision = raised().apply(List.of(new CaseChange.MoveTo(CaseStatus.INVESTIGATING),
                new CaseChange.Reassign(Optional.of("bob")), new CaseChange.Retitle("Flat readings"),
                new CaseChange.Reprioritise(CasePriority.URGENT)), "carol", EDITED);
        assertThat(revision.revised().version()).isEqualTo(2);
        assertThat(revision.revised().updatedBy()).isEqualTo("carol");
        assertThat(revision.revised().updatedAt()).isEqualTo(EDITED);
        assertThat(revision.revised().createdBy()).isEqualTo("alice");
        assertThat(revision.entries()).extracting(CaseActivity::field, CaseActivity::from, CaseActivity::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CaseField.STATUS, Optional.of("open"), Optional.of("investigating")),
                        org.assertj.core.groups.Tuple.tuple(CaseField.ASSIGNEE, Optional.empty(), Optional.of("bob")),
                        org.assertj.core.groups.Tuple.tuple(CaseField.PRIORITY, Optional.of("medium"), Optional.of("urgent")));
        assertThat(revision.entries()).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("carol");
            assertThat(e.at()).isEqualTo(EDITED);
            assertThat(e.version()).isEqualTo(2);
        });
    }

    @Test
    void aRefusedMoveAppliesNothing() {
        CaseReport report = raised();
        assertThatThrownBy(() -> report.apply(List.of(new CaseChange.Retitle("New"),
                new CaseChange.MoveTo(CaseStatus.RESOLVED)), "carol", EDITED))
                .isInstanceOf(StatusTransitionRefused.class);
        assertThat(report.title()).isEqualTo("Flat readings");
    }

    @Test
    void changesThatChangeNothingMakeNoRevision() {
        CaseReport report = raised();
        CaseRevision revision = report.apply(List.of(new CaseChange.MoveTo(CaseStatus.OPEN),
                new CaseChange.Redescribe(" Stuck at 0.2 kWh ")), "carol", EDITED);
        assertThat(revision.changedAnything()).isFalse();
        assertThat(revision.revised()).isSameAs(report);
    }

    @Test
    void textIsCheckedWhereItIsEntered() {
        assertThatThrownBy(() -> new CaseChange.Retitle("  ")).hasMessageContaining("needs a title");
        assertThatThrownBy(() -> new CaseChange.Retitle("a\nb")).hasMessageContaining("one line");
        assertThatThrownBy(() -> new CaseChange.Redescribe("x".repeat(20_001))).hasMessageContaining("at most 20000");
    }
}
