package uk.consumptioninsights.dataaccess.rescoring;

import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/**
 * Rescores a local workspace end to end: reads every gold reading ({@link WorkspaceFleetReader}), runs the detectors
 * and the learned across-type ranking ({@link Rescoring}, which sets each detection's {@code learned_score}) and
 * replaces the local detector's rows in gold.anomalies ({@link DetectionWriter}, in one transaction). Cancellation is checked before anything is written, so a cancelled or failed rescoring leaves the
 * previous detections in place. Runs off the UI thread.
 */
public final class WorkspaceRescorer {

    public static final String DETECTOR = AnomalyOrigin.LOCAL_DETECTOR;
    public static final String ID_PREFIX = "LR";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceRescorer.class);

    private final LocalWorkspace workspace;
    private final Rescoring rescoring;

    public WorkspaceRescorer(LocalWorkspace workspace) {
        this(workspace, new Rescoring());
    }

    public WorkspaceRescorer(LocalWorkspace workspace, Rescoring rescoring) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.rescoring = Objects.requireNonNull(rescoring, "rescoring");
    }

    /**
     * What one rescoring did.
     *
     * @param readings    readings scored (baseline and scored alike)
     * @param byType      detections written per type, every type present (zero when none)
     * @param detections  detections written in all
     * @param elapsed     from the start of reading to the commit
     */
    public record RescoreSummary(long readings, Map<AnomalyType, Integer> byType, int detections, Duration elapsed) {

        public RescoreSummary {
            EnumMap<AnomalyType, Integer> all = new EnumMap<>(AnomalyType.class);
            for (AnomalyType type : AnomalyType.values()) {
                all.put(type, byType == null ? 0 : byType.getOrDefault(type, 0));
            }
            byType = Collections.unmodifiableMap(all);
            Objects.requireNonNull(elapsed, "elapsed");
        }

        public int count(AnomalyType type) {
            return byType.get(type);
        }
    }

    /** Reads, rescores and writes; throws {@link java.util.concurrent.CancellationException} when cancelled before writing. */
    public RescoreSummary rescore(Progress progress) throws SQLException {
        return rescore(progress, Runtime.getRuntime().maxMemory());
    }

    /**
     * As {@link #rescore(Progress)}, in GSP-group parts when the workspace would not fit in {@code heapBytes} read
     * whole ({@link RescoringParts}).
     */
    public RescoreSummary rescore(Progress progress, long heapBytes) throws SQLException {
        Instant started = Instant.now();
        progress.checkCancelled();
        Optional<RescoringParts> parts = RescoringParts.plan(workspace, heapBytes);
        List<Detection> detections = new ArrayList<>();
        long readings = 0;
        Instant read;
        if (parts.isEmpty()) {
            FleetWindow fleet = WorkspaceFleetReader.read(workspace, progress.slice(0.01, 0.35));
            read = Instant.now();
            progress.checkCancelled();
            if (fleet != null) {
                readings = fleet.readingCount();
                progress.report(0.35, "Scoring…");
                detections.addAll(rescoring.run(fleet, progress.slice(0.35, 0.9)));
            }
        } else {
            RescoringParts plan = parts.get();
            int count = plan.parts().size();
            LOG.info("Rescoring {} readings in {} parts of whole GSP groups", plan.readings(), count);
            read = started;
            double step = 0.89 / count;
            WorkspaceFleetReader.MeterCounts counted = WorkspaceFleetReader.count(workspace);
            for (int p = 0; p < count; p++) {
                List<GspGroup> groups = plan.parts().get(p);
                Progress part = progress.slice(0.01 + p * step, 0.01 + (p + 1) * step);
                FleetWindow window = WorkspaceFleetReader.readGroups(workspace, groups, plan.from(), plan.to(), counted,
                        part.slice(0, 0.3));
                progress.checkCancelled();
                if (window != null) {
                    readings += window.readingCount();
                    part.report(0.3, "Scoring part " + (p + 1) + " of " + count + " (GSP groups "
                            + groups.stream().map(GspGroup::code).collect(java.util.stream.Collectors.joining(", ")) + ")…");
                    detections.addAll(rescoring.run(window, part.slice(0.3, 1)));
                }
            }
        }
        // Last chance to stop: once writing starts it runs to its commit (or rolls back on failure).
        progress.checkCancelled();
        progress.report(0.9, "Saving " + grouped(detections.size()) + (detections.size() == 1 ? " detection…" : " detections…"));
        Instant scored = Instant.now();
        int written = DetectionWriter.replace(workspace, DETECTOR, ID_PREFIX, detections, Instant.now());
        Map<AnomalyType, Integer> byType = new EnumMap<>(AnomalyType.class);
        for (Detection d : detections) {
            byType.merge(d.type(), 1, Integer::sum);
        }
        Duration elapsed = Duration.between(started, Instant.now());
        // Where the time went, for anyone comparing the app's figure with the benchmark's.
        LOG.info("Rescoring took {} ms: reading {} ms, scoring {} ms, saving {} ms", elapsed.toMillis(),
                Duration.between(started, read).toMillis(), Duration.between(read, scored).toMillis(),
                Duration.between(scored, Instant.now()).toMillis());
        progress.report(1, grouped(written) + " detections saved");
        return new RescoreSummary(readings, byType, written, elapsed);
    }

    private static String grouped(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }
}
