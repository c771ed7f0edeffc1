package uk.consumptioninsights.model.anomaly.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.learned.IsolationForestNovelty;
import uk.consumptioninsights.model.anomaly.learned.NoveltyScorer;
import uk.consumptioninsights.model.work.Progress;

/**
 * Gives every detection one value that ranks it among detections of <em>all</em> types, which the detectors' own scores
 * cannot (each type scores on its own scale).
 *
 * <ol>
 *   <li><b>Ordinary windows.</b> {@link #ordinaryWindowCount} windows are drawn from the scored period of the fleet
 *       (seeded): each takes the length, in readings, of a randomly drawn detection, a random meter and a random start,
 *       and is redrawn when it overlaps one of that meter's detections. Lengths follow the detections', so duration
 *       alone does not make a detection unusual.</li>
 *   <li><b>Learned score.</b> A {@link NoveltyScorer} (by default the Tribuo Isolation Forest, 100 trees, ψ = 256,
 *       sklearn semantics) is trained on the ordinary windows' {@link EventFeatures} and scores each detection's window:
 *       the <em>novelty</em>, 0..1, higher = more unlike ordinary windows.</li>
 *   <li><b>Type-calibrated score</b> ({@link #typeCalibrated}): the detector's score moved onto the learned scale
 *       type by type — the detection with the type's best detector score gets the type's highest novelty, the median one
 *       the median novelty, and so on. It keeps each detector's own order within its type and places the types against
 *       each other by how unusual their windows are.</li>
 *   <li><b>Ranking value</b> ({@link Detection#learnedScore}) = {@code noveltyWeight} × novelty +
 *       (1 − {@code noveltyWeight}) × type-calibrated score, in 0..1. The default weight is
 *       {@value #DEFAULT_NOVELTY_WEIGHT}, chosen by measurement (EVALUATION.md): the detection's own novelty ranks worse
 *       within a type than the detector's score does (it cost PR-AUC in every type at every weight tried), while the
 *       type-calibrated score keeps the per-type PR-AUC and improved the pooled one on the real London data. So by
 *       default the learned score decides where each type's detections sit against the others', and the detector decides
 *       the order within a type.</li>
 * </ol>
 *
 * Deterministic for a given fleet, detections and seed (parallel feature extraction writes to fixed slots).
 */
public final class LearnedRanking {

    public static final long DEFAULT_SEED = 0x5EED_1F0AL;
    public static final double DEFAULT_NOVELTY_WEIGHT = 0;
    static final int ORDINARY_PER_DETECTION = 8;
    static final int MIN_ORDINARY = 2_048;
    static final int MAX_ORDINARY = 8_192;
    private static final int REDRAWS = 16;
    /** Below this many ordinary windows (a fleet of a few short meters) nothing is learned and novelty is 0.5. */
    static final int MIN_TRAINING_WINDOWS = 32;

    private final NoveltyScorer scorer;
    private final double noveltyWeight;
    private final long seed;

    public LearnedRanking(NoveltyScorer scorer, double noveltyWeight, long seed) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        if (!(noveltyWeight >= 0 && noveltyWeight <= 1)) {
            throw new IllegalArgumentException("noveltyWeight must be in 0..1, got " + noveltyWeight);
        }
        this.noveltyWeight = noveltyWeight;
        this.seed = seed;
    }

    /** Isolation Forest novelty, weight {@value #DEFAULT_NOVELTY_WEIGHT}, {@link #DEFAULT_SEED}. */
    public static LearnedRanking defaults() {
        return new LearnedRanking(IsolationForestNovelty.defaults(), DEFAULT_NOVELTY_WEIGHT, DEFAULT_SEED);
    }

    /**
     * The detections with their ranking value, and the learned score of each detection's own window (0..1), both
     * index-aligned with the input.
     */
    public record Ranked(List<Detection> detections, double[] novelty) {

        public Ranked {
            detections = List.copyOf(detections);
        }
    }

    /** Ranks {@code detections} (found in {@code context}'s fleet); checks cancellation while extracting features. */
    public Ranked rank(FleetContext context, List<Detection> detections, Progress progress) {
        int count = detections.size();
        if (count == 0) {
            return new Ranked(List.of(), new double[0]);
        }
        Windows windows = new Windows(count + ordinaryWindowCount(count));
        Map<String, Integer> meterIndex = new HashMap<>();
        for (int m = 0; m < context.meterCount(); m++) {
            meterIndex.put(context.meters[m].meter.meterKey(), m);
        }
        List<List<int[]>> taken = new ArrayList<>();
        for (int m = 0; m < context.meterCount(); m++) {
            taken.add(new ArrayList<>());
        }
        for (Detection d : detections) {
            Integer m = meterIndex.get(d.meterKey());
            if (m == null) {
                throw new IllegalArgumentException("Detection of a meter that is not in the fleet window");
            }
            long[] t = context.meters[m].meter.epochSecondsView();
            int from = lowerBound(t, d.start().getEpochSecond());
            int to = Math.max(from + 1, lowerBound(t, d.end().getEpochSecond()));
            windows.add(m, from, Math.min(to, t.length));
            taken.get(m).add(new int[] {from, to});
        }
        drawOrdinary(context, windows, count, taken);
        progress.checkCancelled();
        double[][] rows = features(context, windows, progress.slice(0, 0.8));
        double[][] queries = Arrays.copyOfRange(rows, 0, count);
        double[][] ordinary = Arrays.copyOfRange(rows, count, windows.size);
        progress.report(0.8, "Learning what ordinary windows look like…");
        double[] novelty = ordinary.length < MIN_TRAINING_WINDOWS ? neutral(count)
                : scorer.fitAndScore(EventFeatures.NAMES, ordinary, queries, seed);
        double[] values = rankingValues(detections, novelty, noveltyWeight);
        List<Detection> ranked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranked.add(detections.get(i).withLearnedScore(values[i]));
        }
        progress.report(1, "Ranked " + count + " detections across types");
        return new Ranked(ranked, novelty);
    }

    private static double[] neutral(int count) {
        double[] half = new double[count];
        Arrays.fill(half, 0.5);
        return half;
    }

    static int ordinaryWindowCount(int detections) {
        return (int) Math.max(MIN_ORDINARY, Math.min(MAX_ORDINARY, (long) ORDINARY_PER_DETECTION * detections));
    }

    /** Ordinary windows: detection lengths, random meters and starts in the scored period, clear of detections. */
    private void drawOrdinary(FleetContext context, Windows windows, int detections, List<List<int[]>> taken) {
        SplittableRandom random = new SplittableRandom(seed);
        int meters = context.meterCount();
        int[] firstScored = new int[meters];
        for (int m = 0; m < meters; m++) {
            firstScored[m] = firstScoredIndex(context, context.meters[m]);
        }
        int target = windows.capacity;
        for (int attempts = 0; windows.size < target && attempts < target * REDRAWS; attempts++) {
            int source = random.nextInt(detections);
            int length = windows.to[source] - windows.from[source];
            int m = random.nextInt(meters);
            int size = context.meters[m].meter.size();
            int room = size - firstScored[m] - length;
            if (room < 0) {
                continue;
            }
            int from = firstScored[m] + random.nextInt(room + 1);
            int to = from + length;
            if (overlaps(taken.get(m), from, to)) {
                continue;
            }
            windows.add(m, from, to);
        }
    }

    private static boolean overlaps(List<int[]> ranges, int from, int to) {
        for (int[] r : ranges) {
            if (from < r[1] && r[0] < to) {
                return true;
            }
        }
        return false;
    }

    private static int firstScoredIndex(FleetContext context, MeterBaseline b) {
        if (context.calendar.wholeWindowIsBaseline) {
            return 0;
        }
        for (int i = 0; i < b.day.length; i++) {
            if (b.day[i] >= context.calendar.scoreFromDay) {
                return i;
            }
        }
        return b.day.length;
    }

    /** Feature rows of every window, one meter at a time in parallel (its rolling z computed once). */
    private static double[][] features(FleetContext context, Windows windows, Progress progress) {
        double[][] rows = new double[windows.size][];
        Integer[] order = new Integer[windows.size];
        for (int w = 0; w < order.length; w++) {
            order[w] = w;
        }
        Arrays.sort(order, Comparator.comparingInt(w -> windows.meter[w]));
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= order.length; k++) {
            if (k == order.length || windows.meter[order[k]] != windows.meter[order[start]]) {
                groups.add(new int[] {start, k});
                start = k;
            }
        }
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, groups.size()).parallel().forEach(g -> {
            progress.checkCancelled();
            int[] range = groups.get(g);
            int m = windows.meter[order[range[0]]];
            double[] rollingZ = EventFeatures.rollingZ(context, m);
            for (int k = range[0]; k < range[1]; k++) {
                int w = order[k];
                rows[w] = EventFeatures.of(context, m, rollingZ, windows.from[w], windows.to[w]);
            }
            int n = done.incrementAndGet();
            if (n % 256 == 0) {
                progress.report((double) n / groups.size(), "Event features: " + n + " of " + groups.size() + " meters");
            }
        });
        progress.checkCancelled();
        return rows;
    }

    /**
     * The ranking values: {@code noveltyWeight × novelty + (1 − noveltyWeight) × typeCalibrated(novelty)}, clamped to
     * 0..1. Weight 0 keeps each detector's own order within its type exactly; weight 1 is the learned score alone.
     */
    public static double[] rankingValues(List<Detection> detections, double[] novelty, double noveltyWeight) {
        double[] calibrated = typeCalibrated(detections, novelty);
        double[] values = new double[calibrated.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.min(1, noveltyWeight * novelty[i] + (1 - noveltyWeight) * calibrated[i]));
        }
        return values;
    }

    /**
     * The detector's score moved onto the learned scale, type by type: the novelty of the type's detections at the
     * detection's {@link #typePercentiles within-type percentile} (the best-scored theft gets the highest novelty among
     * theft detections, the median-scored one the median novelty, ...; linear between neighbours, ties share a value).
     * Within a type it orders exactly as the detector's score; across types it places each type where its windows'
     * novelty says it belongs.
     */
    public static double[] typeCalibrated(List<Detection> detections, double[] novelty) {
        if (novelty.length != detections.size()) {
            throw new IllegalArgumentException(novelty.length + " novelty values for " + detections.size() + " detections");
        }
        Map<AnomalyType, double[]> sortedNovelty = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            double[] values = IntStream.range(0, novelty.length).filter(i -> detections.get(i).type() == type)
                    .mapToDouble(i -> novelty[i]).toArray();
            Arrays.sort(values);
            sortedNovelty.put(type, values);
        }
        double[] position = typeMidRanks(detections);
        double[] calibrated = new double[novelty.length];
        for (int i = 0; i < calibrated.length; i++) {
            double[] values = sortedNovelty.get(detections.get(i).type());
            int lo = (int) Math.floor(position[i]);
            int hi = Math.min(lo + 1, values.length - 1);
            calibrated[i] = values[lo] + (values[hi] - values[lo]) * (position[i] - lo);
        }
        return calibrated;
    }

    /** Mid-rank of each detection's score among its type's detections, over their count: (0, 1]. */
    public static double[] typePercentiles(List<Detection> detections) {
        double[] position = typeMidRanks(detections);
        int[] count = new int[AnomalyType.values().length];
        for (Detection d : detections) {
            count[d.type().ordinal()]++;
        }
        double[] percentile = new double[position.length];
        for (int i = 0; i < percentile.length; i++) {
            percentile[i] = (position[i] + 1) / count[detections.get(i).type().ordinal()];
        }
        return percentile;
    }

    /** 0-based mid-rank of each detection's score among its type's (0 = lowest, n − 1 = highest; ties share the mean). */
    private static double[] typeMidRanks(List<Detection> detections) {
        Map<AnomalyType, double[]> sorted = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            double[] scores = detections.stream().filter(d -> d.type() == type).mapToDouble(Detection::score).toArray();
            Arrays.sort(scores);
            sorted.put(type, scores);
        }
        double[] position = new double[detections.size()];
        for (int i = 0; i < position.length; i++) {
            Detection d = detections.get(i);
            double[] scores = sorted.get(d.type());
            int below = lowerBound(scores, d.score());
            int ties = upperBound(scores, d.score()) - below;
            position[i] = below + (ties - 1) / 2.0;
        }
        return position;
    }

    /** First index with {@code t[i] >= value}. */
    private static int lowerBound(long[] t, long value) {
        int i = Arrays.binarySearch(t, value);
        return i >= 0 ? i : -i - 1;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Parallel arrays of windows: detections first, then ordinary windows. */
    private static final class Windows {
        final int capacity;
        final int[] meter;
        final int[] from;
        final int[] to;
        int size;

        Windows(int capacity) {
            this.capacity = capacity;
            meter = new int[capacity];
            from = new int[capacity];
            to = new int[capacity];
        }

        void add(int m, int start, int end) {
            meter[size] = m;
            from[size] = start;
            to[size] = end;
            size++;
        }
    }
}
