package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.importer.LineSample;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.DetectionMetrics;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/** Per-pattern recall, seed pooling and false-alarm rates. */
class SuiteMetricsTest {

    private static final Instant T0 = Instant.parse("2013-06-01T00:00:00Z");

    private static Instant hours(double h) {
        return T0.plusSeconds((long) (h * 3600));
    }

    private static Detection detection(String meter, AnomalyType type, double score, double learned, double fromHour, double toHour) {
        return new Detection(meter, type, type.code(), Severity.MEDIUM, score, hours(fromHour), hours(toHour), 1, 1, "test", learned);
    }

    private static InjectedAnomaly label(String meter, AnomalyType type, String pattern, double fromHour, double toHour) {
        return new InjectedAnomaly(meter, type, pattern, hours(fromHour), hours(toHour), 0, "test");
    }

    @Test
    void patternRecallCountsEachLabelOnceByTheMetricsOwnRule() {
        List<InjectedAnomaly> labels = List.of(
                label("A", AnomalyType.METER_MALFUNCTION, "spike", 10, 10.5),
                label("A", AnomalyType.METER_MALFUNCTION, "dead", 20, 30),
                label("B", AnomalyType.METER_MALFUNCTION, "dead", 0, 5),
                label("B", AnomalyType.THEFT_BYPASS, "jokar_h1", 0, 500));
        List<Detection> detections = List.of(
                detection("A", AnomalyType.METER_MALFUNCTION, 0.9, Double.NaN, 10, 10.5),
                // Overlaps both of A's labels; the spike is already taken, so it matches the dead run.
                detection("A", AnomalyType.METER_MALFUNCTION, 0.8, Double.NaN, 9, 25),
                detection("A", AnomalyType.METER_MALFUNCTION, 0.7, Double.NaN, 21, 22),
                // Right meter and time, wrong type: no match.
                detection("B", AnomalyType.MAINTENANCE, 0.9, Double.NaN, 0, 5));

        List<PatternRecall> rows = PatternRecall.of(detections, labels, SeedPool.RANKING);

        assertThat(rows).containsExactly(
                new PatternRecall(AnomalyType.THEFT_BYPASS, "jokar_h1", 1, 0),
                new PatternRecall(AnomalyType.METER_MALFUNCTION, "dead", 2, 1),
                new PatternRecall(AnomalyType.METER_MALFUNCTION, "spike", 1, 1));
    }

    @Test
    void labelMatchingAgreesWithDetectionMetricsOnRandomCases() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            List<InjectedAnomaly> labels = new ArrayList<>();
            List<Detection> detections = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                AnomalyType type = AnomalyType.values()[random.nextInt(4)];
                double from = random.nextInt(200);
                labels.add(label("M" + random.nextInt(5), type, "p" + random.nextInt(3), from, from + 1 + random.nextInt(20)));
                double dFrom = random.nextInt(200);
                detections.add(detection("M" + random.nextInt(5), type, random.nextInt(5) / 4.0,
                        random.nextBoolean() ? Double.NaN : random.nextDouble(), dFrom, dFrom + 1 + random.nextInt(20)));
            }
            boolean[] matched = LabelMatching.matched(detections, labels, SeedPool.RANKING);
            List<DetectionMetrics.Result> results = DetectionMetrics.evaluate(detections, labels, SeedPool.RANKING, SeedPool.KS);
            for (DetectionMetrics.Result r : results) {
                if (r.type() != null) {
                    int count = 0;
                    for (int i = 0; i < labels.size(); i++) {
                        count += matched[i] && labels.get(i).type() == r.type() ? 1 : 0;
                    }
                    assertThat(count).isEqualTo(r.truePositives());
                }
            }
        }
    }

    @Test
    void pooledSeedsAreDistinctMetersSoADetectionMatchesOnlyItsOwnSeedsLabels() {
        SeedPool pool = new SeedPool();
        pool.add(1, 1, List.of(label("MAC000002", AnomalyType.METER_MALFUNCTION, "spike", 10, 10.5)), outcome(List.of()));
        pool.add(2, 1, List.of(), outcome(List.of(detection("MAC000002", AnomalyType.METER_MALFUNCTION, 0.9, 0.5, 10, 10.5))));

        assertThat(pool.labels()).extracting(InjectedAnomaly::meterKey).containsExactly("MAC000002#1");
        assertThat(pool.detections()).extracting(Detection::meterKey).containsExactly("MAC000002#2");
        DetectionMetrics.Result malfunction = pool.metrics().get(AnomalyType.METER_MALFUNCTION.ordinal());
        assertThat(malfunction.labels()).isEqualTo(1);
        assertThat(malfunction.detections()).isEqualTo(1);
        assertThat(malfunction.truePositives()).isZero();
    }

    @Test
    void rankingIsTheLearnedScoreFallingBackToTheDetectorsScore() {
        assertThat(SeedPool.LEARNED.applyAsDouble(detection("A", AnomalyType.THEFT_BYPASS, 0.9, 0.2, 0, 1))).isEqualTo(0.2);
        assertThat(SeedPool.LEARNED.applyAsDouble(detection("A", AnomalyType.THEFT_BYPASS, 0.9, Double.NaN, 0, 1))).isEqualTo(0.9);
        assertThat(SeedPool.RANKING.applyAsDouble(detection("A", AnomalyType.THEFT_BYPASS, 0.9, 0.2, 0, 1))).isEqualTo(0.9);
    }

    @Test
    void falseAlarmsPer100MeterYearsAtTheAlarmCutAndInAll() {
        List<Detection> detections = List.of(
                detection("A", AnomalyType.THEFT_BYPASS, 0.7, Double.NaN, 0, 1),
                detection("A", AnomalyType.THEFT_BYPASS, 0.69, Double.NaN, 2, 3),
                detection("B", AnomalyType.THEFT_BYPASS, 0.2, Double.NaN, 0, 1),
                detection("B", AnomalyType.MAINTENANCE, 1.0, Double.NaN, 0, 1));

        List<FalseAlarmRate> rates = FalseAlarmRate.of(detections, 4.0);

        assertThat(rates).extracting(FalseAlarmRate::type).containsExactly(AnomalyType.values());
        FalseAlarmRate theft = rates.get(0);
        assertThat(theft.detections()).isEqualTo(3);
        assertThat(theft.atAlarmCut()).isEqualTo(1);
        assertThat(theft.perHundredMeterYears()).isCloseTo(75, within(1e-9));
        assertThat(theft.atAlarmCutPerHundredMeterYears()).isCloseTo(25, within(1e-9));
        assertThat(rates.get(AnomalyType.NETWORK_ANOMALY.ordinal()).perHundredMeterYears()).isZero();
    }

    @Test
    void meterYearsRunFromTheFirstToTheLastReading() {
        long t0 = T0.getEpochSecond();
        HouseholdSeries h = new HouseholdSeries("MAC000002", new long[] {t0, t0 + (long) (365.25 * 86_400) / 2}, new double[] {1, 1});
        assertThat(LondonHouseholds.meterYears(List.of(h, h))).isCloseTo(1.0, within(1e-9));
    }

    private static ProductPathRun.Outcome outcome(List<Detection> detections) {
        CsvImportReport report = new CsvImportReport(Path.of("x.csv"), 1, 1, 1, LocalDate.of(2013, 6, 1),
                LocalDate.of(2013, 6, 1), LineSample.none(), LineSample.none(), Optional.empty());
        return new ProductPathRun.Outcome(detections, 1, report, Duration.ZERO, Duration.ZERO);
    }
}
