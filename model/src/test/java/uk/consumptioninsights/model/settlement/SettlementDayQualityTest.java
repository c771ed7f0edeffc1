package uk.consumptioninsights.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettlementDayQualityTest {

    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);

    @Test
    void completenessAndActualShareOfASpringDay() {
        // Ten meters on the 46-period day, three periods missing, 5 of 200 kWh estimated.
        SettlementDayQuality q = new SettlementDayQuality(SPRING, "_A", 46, 10, 460, 457, 1, 46, 1, 200, 195, 12, 1, 1, 0);
        assertThat(q.completeness()).isCloseTo(457 / 460.0, within(1e-12));
        assertThat(q.periodsMissing()).isEqualTo(3);
        assertThat(q.actualReadShare()).isCloseTo(0.975, within(1e-12));
        assertThat(q.meetsTarget(ActualReadTarget.DEFAULT)).isFalse();
        assertThat(q.meetsTarget(ActualReadTarget.ofPercent(97.5))).isTrue();
        assertThat(q.kwhShortOfTarget(ActualReadTarget.DEFAULT)).isCloseTo(3, within(1e-9));
    }

    @Test
    void nothingDueIsCompleteAndNoEnergyMeetsAnyTarget() {
        SettlementDayQuality empty = new SettlementDayQuality(SPRING, "_B", 46, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(empty.completeness()).isEqualTo(1);
        assertThat(empty.meetsTarget(new ActualReadTarget(1))).isTrue();
    }

    @Test
    void refusesImpossibleFigures() {
        assertThatThrownBy(() -> new SettlementDayQuality(SPRING, "_A", 47, 1, 47, 47, 0, 0, 0, 1, 1, 1, 0, 0, 0))
                .hasMessageContaining("46, 48 or 50");
        assertThatThrownBy(() -> new SettlementDayQuality(SPRING, "_A", 46, 1, 46, 47, 0, 0, 0, 1, 1, 1, 0, 0, 0))
                .hasMessageContaining("More periods received");
        assertThatThrownBy(() -> ActualReadTarget.ofPercent(0)).hasMessageContaining("actual-read target");
        assertThatThrownBy(() -> ActualReadTarget.ofPercent(101)).hasMessageContaining("at most 100");
    }
}
