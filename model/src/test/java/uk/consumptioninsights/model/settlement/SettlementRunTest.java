package uk.consumptioninsights.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.synthetic.EstimationRhythm;

class SettlementRunTest {

    @Test
    void runsFallOnWorkingDaysAfterTheSettlementDay() {
        // Monday 2 March 2026: 16 working days is three full weeks and a day later, Tuesday 24 March.
        assertThat(SettlementRun.SF.runDate(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 24));
        // From a Saturday the count starts on Monday: 39 working days = 7 weeks and 4 days, Thursday 23 April.
        assertThat(SettlementRun.R1.runDate(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2026, 4, 23));
        assertThat(SettlementRun.SF.isReconciliation()).isFalse();
        assertThat(SettlementRun.R1.isReconciliation()).isTrue();
        assertThat(SettlementRun.ofCode("RF")).isEqualTo(SettlementRun.RF);
        assertThat(SettlementRun.ofCode(null)).isNull();
    }

    @Test
    void estimatesFallToNextToNoneByTheFinalRuns() {
        assertThat(EstimationRhythm.actualsArriveAt(0.5)).isEmpty();
        assertThat(EstimationRhythm.actualsArriveAt(0.03)).contains(SettlementRun.R1);
        assertThat(EstimationRhythm.actualsArriveAt(0.002)).contains(SettlementRun.R3);
        assertThat(EstimationRhythm.actualsArriveAt(0.0)).contains(SettlementRun.DF);
        double previous = 1;
        for (SettlementRun run : SettlementRun.values()) {
            assertThat(EstimationRhythm.stillEstimatedAfter(run)).isLessThan(previous);
            previous = EstimationRhythm.stillEstimatedAfter(run);
        }
        assertThat(EstimationRhythm.stillEstimatedAfter(SettlementRun.SF)).isBetween(0.01, 0.1);
        assertThat(EstimationRhythm.stillEstimatedAfter(SettlementRun.RF)).isLessThan(0.001);
    }

    @Test
    void readTypesRoundTripTheirCodesAndNullIsUnknown() {
        assertThat(ReadType.ofCode("actual")).isEqualTo(ReadType.ACTUAL);
        assertThat(ReadType.ofCode("estimated")).isEqualTo(ReadType.ESTIMATED);
        assertThat(ReadType.ofCode(null)).isEqualTo(ReadType.UNKNOWN);
    }
}
