package uk.consumptioninsights.model.anomaly.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;

class DetectionAgreementTest {

    private static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");

    private static FlaggedInterval flag(String meter, AnomalyType type, int fromHour, int toHour) {
        return new FlaggedInterval(meter, type, T0.plusSeconds(fromHour * 3600L), T0.plusSeconds(toHour * 3600L));
    }

    @Test
    void overlappingSameMeterSameTypeConfirmsBothSides() {
        DetectionAgreement a = DetectionAgreement.compare(
                List.of(flag("m1", AnomalyType.THEFT_BYPASS, 0, 48)),
                List.of(flag("m1", AnomalyType.THEFT_BYPASS, 24, 30), flag("m1", AnomalyType.THEFT_BYPASS, 40, 60)));
        assertThat(a.sourceConfirmed()).containsExactly(true);
        assertThat(a.localConfirmed()).containsExactly(true, true);
        assertThat(a.byType().get(AnomalyType.THEFT_BYPASS).agreement()).isEqualTo(1.0);
    }

    @Test
    void touchingIntervalsOtherMetersAndOtherTypesDoNotConfirm() {
        DetectionAgreement a = DetectionAgreement.compare(
                List.of(flag("m1", AnomalyType.THEFT_BYPASS, 0, 10)),
                List.of(flag("m1", AnomalyType.THEFT_BYPASS, 10, 20),
                        flag("m2", AnomalyType.THEFT_BYPASS, 0, 10),
                        flag("m1", AnomalyType.MAINTENANCE, 0, 10)));
        assertThat(a.sourceConfirmed()).containsExactly(false);
        assertThat(a.localConfirmed()).containsExactly(false, false, false);
        assertThat(a.overall().agreement()).isZero();
        assertThat(a.overall().sourceOnly()).isEqualTo(1);
        assertThat(a.overall().localOnly()).isEqualTo(3);
    }

    @Test
    void agreementIsTheShareOfAllDetectionsTheOtherSideAlsoFound() {
        DetectionAgreement a = DetectionAgreement.compare(
                List.of(flag("m1", AnomalyType.METER_MALFUNCTION, 0, 2), flag("m2", AnomalyType.METER_MALFUNCTION, 0, 2),
                        flag("m3", AnomalyType.NETWORK_ANOMALY, 5, 6)),
                List.of(flag("m1", AnomalyType.METER_MALFUNCTION, 1, 3)));
        TypeAgreement malfunction = a.byType().get(AnomalyType.METER_MALFUNCTION);
        assertThat(malfunction).isEqualTo(new TypeAgreement(2, 1, 1, 1));
        assertThat(malfunction.agreement()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(a.byType().get(AnomalyType.NETWORK_ANOMALY)).isEqualTo(new TypeAgreement(1, 0, 0, 0));
        assertThat(a.byType().get(AnomalyType.MAINTENANCE).agreement()).isNaN();
        assertThat(a.overall()).isEqualTo(new TypeAgreement(3, 1, 1, 1));
        assertThat(a.overall().agreement()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void nothingOnEitherSideHasNoAgreementFigure() {
        DetectionAgreement a = DetectionAgreement.compare(List.of(), List.of());
        assertThat(a.overall().agreement()).isNaN();
        assertThat(a.byType()).hasSize(AnomalyType.values().length);
    }
}
