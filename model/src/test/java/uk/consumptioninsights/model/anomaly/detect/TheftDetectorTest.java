package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Each theft signature on the small fleet, and the lives it must not be confused with. Days 10 to 23 of meter M0 are
 * the attacked or changed stretch; the fleet's other meters and M0's other days are the clean reference.
 */
class TheftDetectorTest {

    private static final int FROM_DAY = 10;
    private static final int TO_DAY = 24;
    /** A fixed, varied sequence of day factors in 0.1..0.8, as the day-by-day scaling attack draws them. */
    private static final double[] DAY_FACTORS = {0.12, 0.71, 0.35, 0.78, 0.22, 0.55, 0.15, 0.68, 0.41, 0.8, 0.1, 0.62, 0.3, 0.74};

    @Test
    void readingsScaledDownDayByDayAreTheftScaledDown() {
        DetectorFixture f = new DetectorFixture();
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            for (int s = 0; s < 48; s++) {
                f.kwh[0][DetectorFixture.index(d, s)] *= DAY_FACTORS[d - FROM_DAY];
            }
        }
        Detection theft = only(f);

        assertThat(theft.pattern()).isEqualTo("scaled_down");
        assertThat(theft.score()).isGreaterThanOrEqualTo(0.7);
        assertThat(theft.start()).isEqualTo(at(FROM_DAY, 0));
        assertThat(theft.end()).isEqualTo(at(TO_DAY, 0));
        assertThat(theft.reason()).contains("below the four weeks around it for 14 days").contains("baseload down too")
                .contains("day-to-day level jumping");
        assertThat(theft.actualKwh()).isLessThan(theft.expectedKwh() * 0.6);
    }

    @Test
    void daysFlatAtTheirAverageAreTheftNotAStuckMeter() {
        DetectorFixture f = new DetectorFixture();
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            double mean = 0;
            for (int s = 0; s < 48; s++) {
                mean += f.kwh[0][DetectorFixture.index(d, s)] / 48;
            }
            for (int s = 0; s < 48; s++) {
                f.kwh[0][DetectorFixture.index(d, s)] = Math.round(mean * 1000) / 1000.0;
            }
        }
        List<Detection> found = f.run();

        Detection theft = only(f);
        assertThat(theft.pattern()).isEqualTo("flattened");
        assertThat(theft.score()).isGreaterThanOrEqualTo(0.9);
        // The flat days are the theft's doing: not reported again as a stuck meter.
        assertThat(found).noneMatch(d -> d.type() == AnomalyType.METER_MALFUNCTION);
    }

    @Test
    void hoursReadingZeroEveryDayWhileTheRestIsNormalAreTheft() {
        DetectorFixture f = new DetectorFixture();
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            int start = 4 + (d * 7) % 20;
            for (int s = start; s < start + 12; s++) {
                f.kwh[0][DetectorFixture.index(d, s)] = 0;
            }
        }
        Detection theft = only(f);

        assertThat(theft.pattern()).isEqualTo("zeroed_hours");
        assertThat(theft.score()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aDayRunningBackwardsAtTheUsualLevelIsTheftReversed() {
        DetectorFixture f = new DetectorFixture();
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            double[] day = new double[48];
            for (int s = 0; s < 48; s++) {
                day[s] = f.kwh[0][DetectorFixture.index(d, s)];
            }
            for (int s = 0; s < 48; s++) {
                f.kwh[0][DetectorFixture.index(d, s)] = day[47 - s];
            }
        }
        Detection theft = only(f);

        assertThat(theft.pattern()).isEqualTo("reversed");
        assertThat(theft.score()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void anAbsenceThatKeepsTheDailyShapeAndTheBaseloadIsNotCalledTheft() {
        DetectorFixture f = new DetectorFixture();
        // Away for two weeks: the fridge and standby (the night-time base) run on, the evening use stops.
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            for (int s = 0; s < 48; s++) {
                int i = DetectorFixture.index(d, s);
                double base = f.kwh[0][DetectorFixture.index(d, 4)];
                f.kwh[0][i] = base + 0.26 * (f.kwh[0][i] - base);
            }
        }
        List<Detection> theft = f.run().stream().filter(d -> d.type() == AnomalyType.THEFT_BYPASS).toList();

        assertThat(theft).allSatisfy(d -> {
            assertThat(d.pattern()).isEqualTo("sustained_drop");
            assertThat(d.score()).isLessThanOrEqualTo(0.2);
            assertThat(d.reason()).contains("an absence or a change of habit looks the same");
        });
    }

    @Test
    void anEmptyHouseWithOccasionalVisitsKeepsItsStandbyAndIsNotScaledDown() {
        DetectorFixture f = new DetectorFixture();
        // Mostly away, back now and then: the day levels jump as in the day-by-day attack and some standby is switched
        // off, but the peaks fall much further than the standby, which no meter scaling does.
        for (int d = FROM_DAY; d < TO_DAY; d++) {
            double use = 0.05 + 0.25 * (DAY_FACTORS[d - FROM_DAY] - 0.1) / 0.7;
            for (int s = 0; s < 48; s++) {
                int i = DetectorFixture.index(d, s);
                double base = f.kwh[0][DetectorFixture.index(d, 4)];
                f.kwh[0][i] = 0.6 * base + use * (f.kwh[0][i] - base) + (s % 2 == 0 ? 0.03 : 0);
            }
        }
        List<Detection> theft = f.run().stream().filter(d -> d.type() == AnomalyType.THEFT_BYPASS).toList();

        assertThat(theft).allSatisfy(d -> assertThat(d.score()).isLessThan(0.7));
        assertThat(theft).noneMatch(d -> d.pattern().equals("scaled_down"));
    }

    @Test
    void everyReadingScaledByOneFactorRanksAboveAnAbsenceButBelowTheAlarmCut() {
        DetectorFixture f = new DetectorFixture();
        for (int i = DetectorFixture.index(FROM_DAY, 0); i < DetectorFixture.index(TO_DAY, 0); i++) {
            f.kwh[0][i] *= 0.4;
        }
        Detection theft = only(f);

        assertThat(theft.pattern()).isEqualTo("uniform_drop");
        assertThat(theft.score()).isGreaterThan(0.2).isLessThan(0.7);
        assertThat(theft.reason()).startsWith("Consumption 60% below the four weeks around it for 14 days")
                .contains("standby load (40% of usual) and the peaks (40%) down alike");
    }

    private static Detection only(DetectorFixture f) {
        List<Detection> theft = f.run().stream().filter(d -> d.type() == AnomalyType.THEFT_BYPASS).toList();
        assertThat(theft).hasSize(1);
        assertThat(theft.get(0).meterKey()).isEqualTo("M0");
        return theft.get(0);
    }

    private static Instant at(int day, int slot) {
        return DetectorFixture.FROM.plusSeconds(1800L * DetectorFixture.index(day, slot));
    }
}
