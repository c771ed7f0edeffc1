package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/** Each test changes one meter of the clean {@link DetectorFixture} fleet (January: London time is UTC). */
class MaintenanceDetectorTest {

    @Test
    void aGainThatCreepsUpAndReturnsIsDrift() {
        DetectorFixture f = new DetectorFixture();
        for (int d = 12; d < 30; d++) {
            double gain = 1 + 0.35 * Math.min(1, (d - 11) / 14.0);
            for (int s = 0; s < 48; s++) {
                f.kwh[1][DetectorFixture.index(d, s)] *= gain;
            }
        }
        List<Detection> found = maintenance(f);
        assertThat(found).extracting(Detection::meterKey, Detection::pattern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M1", "drift"));
        Detection drift = found.get(0);
        assertThat(drift.score()).isGreaterThanOrEqualTo(0.7);
        assertThat(drift.start()).isBetween(at(9, 0), at(16, 0));
        assertThat(drift.end()).isBetween(at(28, 0), at(32, 0));
        assertThat(drift.reason()).contains("crept up steadily").containsPattern("to (2[5-9]|3\\d|40)% above");
        assertThat(drift.actualKwh()).isGreaterThan(drift.expectedKwh() * 1.15);
    }

    @Test
    void aTwoHalfHourOutlierAtTheSameTimeEveryDayIsFound() {
        DetectorFixture f = new DetectorFixture();
        for (int d = 5; d < 16; d++) {
            for (int s = 4; s < 6; s++) {
                f.kwh[2][DetectorFixture.index(d, s)] = f.kwh[2][DetectorFixture.index(d, s)] * 4 + 0.8;
            }
        }
        List<Detection> found = maintenance(f);
        assertThat(found).extracting(Detection::meterKey, Detection::pattern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M2", "repeated_outliers"));
        Detection outliers = found.get(0);
        assertThat(outliers.score()).isEqualTo(1.0);
        assertThat(outliers.reason()).contains("On 11 of 11 days, the 2 half-hours from 02:00 London time");
        assertThat(outliers.start()).isEqualTo(at(5, 4));
        assertThat(outliers.end()).isEqualTo(at(15, 6));
    }

    @Test
    void aRoutineAtTheSameTimeThroughoutIsAHabitNotAnOutlier() {
        DetectorFixture f = new DetectorFixture();
        for (int d = 0; d < DetectorFixture.DAYS; d += 2) {
            f.kwh[3][DetectorFixture.index(d, 13)] += 2.5;
        }
        assertThat(maintenance(f)).isEmpty();
    }

    @Test
    void aStepUpThatStaysIsNotDrift() {
        DetectorFixture f = new DetectorFixture();
        for (int d = 20; d < DetectorFixture.DAYS; d++) {
            for (int s = 0; s < 48; s++) {
                f.kwh[4][DetectorFixture.index(d, s)] *= 1.3;
            }
        }
        assertThat(maintenance(f)).allMatch(d -> d.score() < 0.3);
    }

    @Test
    void aFlatHouseholdWhosePeersUseLessIsNotCreepingUp() {
        DetectorFixture f = new DetectorFixture();
        for (int m = 0; m < DetectorFixture.METERS; m++) {
            if (m == 5) {
                continue;
            }
            for (int d = 10; d < DetectorFixture.DAYS; d++) {
                double fall = 1 - 0.4 * Math.min(1, (d - 9) / 20.0);
                for (int s = 0; s < 48; s++) {
                    f.kwh[m][DetectorFixture.index(d, s)] *= fall;
                }
            }
        }
        assertThat(maintenance(f)).noneMatch(d -> d.meterKey().equals("M5"));
    }

    @Test
    void heatingThatRaisesOnlyTheEveningIsNotDrift() {
        DetectorFixture f = new DetectorFixture();
        for (int d = 12; d < 30; d++) {
            for (int s = 34; s < 44; s++) {
                f.kwh[6][DetectorFixture.index(d, s)] += 0.5 * Math.min(1, (d - 11) / 14.0);
            }
        }
        assertThat(maintenance(f)).noneMatch(d -> d.meterKey().equals("M6") && d.score() >= 0.3);
    }

    private static List<Detection> maintenance(DetectorFixture f) {
        return f.run().stream().filter(d -> d.type() == AnomalyType.MAINTENANCE).toList();
    }

    private static Instant at(int day, int slot) {
        return DetectorFixture.FROM.plusSeconds(1800L * DetectorFixture.index(day, slot));
    }
}
