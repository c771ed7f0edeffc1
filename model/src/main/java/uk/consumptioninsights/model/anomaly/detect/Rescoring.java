package uk.consumptioninsights.model.anomaly.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import uk.consumptioninsights.model.work.Progress;

/**
 * Runs every detector over a fleet window: builds the shared {@link FleetContext} (baselines, peer index, area
 * co-occurrence), then each meter in parallel through all detectors, then (unless {@link #rulesOnly}) the
 * {@link LearnedRanking} that gives each detection its across-type {@link Detection#learnedScore}. Detections that end
 * at or before the window's {@code scoreFrom} are dropped. The result is sorted by type, then score (highest first),
 * then meter and start. {@link Progress#report} may be called from worker threads; cancellation is checked every few
 * meters and surfaces as a {@link java.util.concurrent.CancellationException}.
 */
public final class Rescoring {

    private final List<AnomalyDetector> detectors;
    private final Optional<LearnedRanking> ranking;

    /** The four rule detectors and the default learned ranking. */
    public Rescoring() {
        this(AnomalyDetector.defaults(), LearnedRanking.defaults());
    }

    /** These detectors and the default learned ranking. */
    public Rescoring(List<AnomalyDetector> detectors) {
        this(detectors, LearnedRanking.defaults());
    }

    public Rescoring(List<AnomalyDetector> detectors, LearnedRanking ranking) {
        this(detectors, Optional.of(ranking));
    }

    private Rescoring(List<AnomalyDetector> detectors, Optional<LearnedRanking> ranking) {
        this.detectors = List.copyOf(detectors);
        this.ranking = ranking;
    }

    /** The four rule detectors without a learned ranking: every {@link Detection#learnedScore} is NaN. */
    public static Rescoring rulesOnly() {
        return new Rescoring(AnomalyDetector.defaults(), Optional.empty());
    }

    public List<Detection> run(FleetWindow window, Progress progress) {
        progress.checkCancelled();
        FleetContext context = FleetContext.build(window, progress.slice(0, 0.35));
        List<Detection> found = detect(context, progress.slice(0.35, ranking.isPresent() ? 0.85 : 1));
        if (ranking.isPresent()) {
            found = ranking.get().rank(context, found, progress.slice(0.85, 1)).detections();
        }
        List<Detection> all = new ArrayList<>(found);
        all.sort(Comparator.comparing(Detection::type).thenComparing(Comparator.comparingDouble(Detection::score).reversed())
                .thenComparing(Detection::meterKey).thenComparing(Detection::start));
        progress.report(1, all.size() + " detections");
        return all;
    }

    /** The rule detectors' findings in a built context, without ranking, in meter order. */
    public List<Detection> detect(FleetContext context, Progress progress) {
        int n = context.meterCount();
        @SuppressWarnings("unchecked")
        List<Detection>[] perMeter = new List[n];
        AtomicInteger done = new AtomicInteger();
        long scoreFrom = context.window.scoreFrom().getEpochSecond();
        IntStream.range(0, n).parallel().forEach(i -> {
            if (i % 16 == 0) {
                progress.checkCancelled();
            }
            List<Detection> found = new ArrayList<>();
            for (AnomalyDetector detector : detectors) {
                for (Detection d : detector.detect(context, i)) {
                    if (d.end().getEpochSecond() > scoreFrom) {
                        found.add(d);
                    }
                }
            }
            perMeter[i] = SharedCause.reportOnce(found);
            int count = done.incrementAndGet();
            if (count % 256 == 0) {
                progress.report((double) count / n, "Scoring: " + count + " of " + n + " meters");
            }
        });
        progress.checkCancelled();
        List<Detection> all = new ArrayList<>();
        for (List<Detection> found : perMeter) {
            all.addAll(found);
        }
        return all;
    }
}
