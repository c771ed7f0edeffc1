package uk.consumptioninsights.model.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            CaseStatus.OPEN, EnumSet.of(CaseStatus.INVESTIGATING),
            CaseStatus.INVESTIGATING, EnumSet.of(CaseStatus.ESCALATED, CaseStatus.RESOLVED),
            CaseStatus.ESCALATED, EnumSet.of(CaseStatus.RESOLVED),
            CaseStatus.RESOLVED, EnumSet.of(CaseStatus.CLOSED, CaseStatus.OPEN),
            CaseStatus.CLOSED, EnumSet.of(CaseStatus.OPEN));

    @Test
    void exactlyTheLifecycleMovesAreAllowedAndEveryOtherIsRefusedWithItsReason() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .isInstanceOfSatisfying(StatusTransitionRefused.class, refused -> {
                                assertThat(refused.from()).isEqualTo(from);
                                assertThat(refused.to()).isEqualTo(to);
                            })
                            .hasMessageStartingWith("A case that is " + from.label() + " cannot move to " + to.label());
                }
            }
        }
    }

    @Test
    void theRefusalNamesTheMovesThatAreAllowed() {
        assertThatThrownBy(() -> CaseStatus.OPEN.moveTo(CaseStatus.CLOSED))
                .hasMessage("A case that is Open cannot move to Closed: from Open it can move to Investigating.");
    }

    @Test
    void codesRoundTrip() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CaseStatus.fromCode(status.code())).isEqualTo(status);
        }
        assertThatThrownBy(() -> CaseStatus.fromCode("done")).hasMessageContaining("not a case status");
    }
}
