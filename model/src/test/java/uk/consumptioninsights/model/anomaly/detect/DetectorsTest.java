package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.work.Progress;

class DetectorsTest {

    @Test
    void cleanFleetRaisesNothing() {
        assertThat(new DetectorFixture().run()).isEmpty();
    }

    @Test
    void malfunctionFindsStuckZeroSpikeAndNegative() {
        DetectorFixture f = new DetectorFixture();
        Arrays.fill(f.kwh[0], DetectorFixture.index(3, 10), DetectorFixture.index(3, 30), 0.37);
        Arrays.fill(f.kwh[1], DetectorFixture.index(5, 0), DetectorFixture.index(5, 30), 0);
        f.kwh[2][DetectorFixture.index(7, 20)] = 40;
        for (int k = 0; k < 4; k++) {
            f.kwh[3][DetectorFixture.index(9, 5 + k)] = -0.5;
        }
        List<Detection> found = f.run().stream().filter(d -> d.type() == AnomalyType.METER_MALFUNCTION).toList();
        assertThat(found).extracting(Detection::meterKey, Detection::pattern).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("M0", "stuck"), org.assertj.core.groups.Tuple.tuple("M1", "zero_run"),
                org.assertj.core.groups.Tuple.tuple("M2", "spike"), org.assertj.core.groups.Tuple.tuple("M3", "negative"));
        Detection stuck = byMeter(found, "M0");
        assertThat(stuck.reason()).contains("0.370 kWh for 20 half-hours");
        assertThat(stuck.start()).isEqualTo(at(3, 10));
        assertThat(stuck.end()).isEqualTo(at(3, 30));
        assertThat(byMeter(found, "M1").reason()).contains("Zero readings for 30 half-hours");
        assertThat(byMeter(found, "M2").reason()).contains("40.0 kWh in a half-hour");
        assertThat(byMeter(found, "M2").actualKwh()).isEqualTo(40);
        assertThat(byMeter(found, "M3").reason()).contains("4 negative readings");
        assertThat(byMeter(found, "M3").score()).isGreaterThan(byMeter(found, "M2").score()).isGreaterThan(byMeter(found, "M0").score());
    }

    @Test
    void implausibleReadingsAreReportedAsMalfunctionsAndNeverLearnedAsConsumption() {
        DetectorFixture f = new DetectorFixture();
        f.kwh[4][DetectorFixture.index(12, 20)] = 60;
        f.kwh[5][DetectorFixture.index(14, 8)] = -0.2;
        List<Detection> found = f.run();

        assertThat(found).filteredOn(d -> d.meterKey().equals("M4")).extracting(Detection::type, Detection::pattern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AnomalyType.METER_MALFUNCTION, "above_ceiling"));
        assertThat(byMeter(found, "M4").reason()).contains("60.0 kWh in a half-hour").contains("left out of every total");
        assertThat(byMeter(found, "M4").start()).isEqualTo(at(12, 20));
        assertThat(found).filteredOn(d -> d.meterKey().equals("M5")).extracting(Detection::pattern).containsExactly("negative");
        // Neither reading moved the meters' usual day: the context learns from plausible readings only.
        FleetContext context = FleetContext.build(f.window(), Progress.NONE);
        assertThat(context.meters[4].dailyTotal[12]).isCloseTo(context.meters[4].dailyTotal[11] - f.kwh[4][DetectorFixture.index(11, 20)],
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(context.meters[5].dailyTotal[14]).isCloseTo(context.meters[5].dailyTotal[13] - f.kwh[5][DetectorFixture.index(13, 8)],
                org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void networkFindsGroupLossAndMalfunctionLeavesItAlone() {
        DetectorFixture f = new DetectorFixture();
        for (int m = 0; m < 6; m++) {
            Arrays.fill(f.kwh[m], DetectorFixture.index(12, 20), DetectorFixture.index(12, 28), 0);
        }
        List<Detection> found = f.run();
        assertThat(found).allMatch(d -> d.type() == AnomalyType.NETWORK_ANOMALY && d.pattern().equals("group_loss"));
        assertThat(found).extracting(Detection::meterKey).containsExactlyInAnyOrder("M0", "M1", "M2", "M3", "M4", "M5");
        assertThat(found.get(0).reason()).contains("8 half-hours").contains("75% of GSP group _A's reporting meters (up to 6)");
        assertThat(found.get(0).start()).isEqualTo(at(12, 20));
    }

    @Test
    void anOutageOfMissingRowsIsANetworkAnomalyForEveryMeterThatWentSilentWithTheGroup() {
        DetectorFixture f = new DetectorFixture();
        int from = DetectorFixture.index(15, 10);
        int to = DetectorFixture.index(15, 22);
        // Six of eight meters send nothing for six hours; M6 had already stopped sending a day earlier.
        List<Detection> found = new Rescoring().run(f.window(m -> m < 6 ? new int[] {from, to}
                : m == 6 ? new int[] {DetectorFixture.index(14, 0), to} : null), Progress.NONE);

        List<Detection> network = found.stream().filter(d -> d.type() == AnomalyType.NETWORK_ANOMALY).toList();
        assertThat(network).extracting(Detection::meterKey).containsExactlyInAnyOrder("M0", "M1", "M2", "M3", "M4", "M5");
        assertThat(network).allSatisfy(d -> {
            assertThat(d.pattern()).isEqualTo("group_missing");
            assertThat(d.start()).isEqualTo(at(15, 10));
            assertThat(d.end()).isEqualTo(at(15, 22));
            assertThat(d.reason()).startsWith("No readings for 12 half-hours").contains("communications or supply failure");
            assertThat(d.expectedKwh()).isPositive();
        });
    }

    @Test
    void aMeterThatReadsZeroMostOfTheTimeIsNotPartOfANetworkEvent() {
        DetectorFixture f = new DetectorFixture();
        for (int i = 0; i < f.kwh[7].length; i++) {
            if (i % 48 < 40) {
                f.kwh[7][i] = 0;
            }
        }
        for (int m = 0; m < 8; m++) {
            Arrays.fill(f.kwh[m], DetectorFixture.index(12, 20), DetectorFixture.index(12, 28), 0);
        }
        List<Detection> network = f.run().stream().filter(d -> d.type() == AnomalyType.NETWORK_ANOMALY).toList();

        assertThat(network).extracting(Detection::meterKey).containsExactlyInAnyOrder("M0", "M1", "M2", "M3", "M4", "M5", "M6");
    }

    @Test
    void rescoringHonoursCancellation() {
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new Rescoring().run(new DetectorFixture().window(), cancelled))
                .isInstanceOf(CancellationException.class);
    }

    private static Detection byMeter(List<Detection> found, String key) {
        return found.stream().filter(d -> d.meterKey().equals(key)).findFirst().orElseThrow();
    }

    private static Instant at(int day, int slot) {
        return DetectorFixture.FROM.plusSeconds(1800L * DetectorFixture.index(day, slot));
    }
}
