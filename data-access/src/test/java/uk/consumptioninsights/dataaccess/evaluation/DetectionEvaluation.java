package uk.consumptioninsights.dataaccess.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.evaluation.independent.IndependentSuite;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceFleetReader;
import uk.consumptioninsights.dataaccess.importer.LondonSmartMeterCsv;
import uk.consumptioninsights.dataaccess.importer.MeterReading;
import uk.consumptioninsights.dataaccess.importer.ParsedLine;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.MeterSeries;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.synthetic.AnomalyInjector;
import uk.consumptioninsights.model.synthetic.AnomalyPlan;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.synthetic.MeterSlot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Evaluation harness (not a test): precision@k and PR-AUC of the rule-based detectors per type and overall, ranked by
 * the detector's score, by the learned score and by the final across-type ranking value ({@link RankingComparison}),
 * on (a) a generated workspace's labelled anomalies and (b) the real London households with anomalies injected by the
 * generator's own {@link AnomalyInjector}. Run with
 * {@code mvn -q -pl data-access exec:java -Dexec.skip=false -Dexec.classpathScope=test
 * -Dexec.mainClass=uk.consumptioninsights.dataaccess.evaluation.DetectionEvaluation [-Dexec.args="generated 2000"]}.
 * Arguments: {@code generated [meters]}, {@code london [seeds]}, or none for both with defaults; and the independent
 * suite of INDEPENDENT-SUITE.md ({@link IndependentSuite}): {@code independent [file]}, {@code generator [file]} (the
 * generator's injector through the same product path), {@code tuning [file]} (the tuning half only, injected and
 * clean) and {@code clean [file]} (false alarms only), where the file
 * defaults to the system property {@code lcl.csv}.
 */
public final class DetectionEvaluation {

    /** Injection rates for the London households: far above the defaults so 50 households carry enough labels. */
    static final InjectionRates LONDON_RATES = new InjectionRates(0.15, 0.25, 0.15, 1.0);
    static final Instant LONDON_FROM = Instant.parse("2013-01-01T00:00:00Z");
    static final Instant LONDON_SCORE_FROM = Instant.parse("2013-05-01T00:00:00Z");
    static final Instant LONDON_TO = Instant.parse("2014-01-01T00:00:00Z");
    static final String DEFAULT_LCL_CSV = "/work/shared/data/real/lcl_100_households_2013.csv.gz";

    private DetectionEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        switch (mode) {
            case "independent" -> IndependentSuite.independent(londonFile(args));
            case "tuning" -> IndependentSuite.tuning(londonFile(args));
            case "generator" -> IndependentSuite.generator(londonFile(args), LONDON_RATES);
            case "clean" -> IndependentSuite.clean(londonFile(args));
            default -> existingModes(mode, args);
        }
    }

    /** The second argument, else -Dlcl.csv, else the 100 households' file. */
    static Path londonFile(String[] args) {
        return args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("lcl.csv", DEFAULT_LCL_CSV));
    }

    private static void existingModes(String mode, String[] args) throws Exception {
        if (mode.equals("both") || mode.equals("generated")) {
            int meters = args.length > 1 && mode.equals("generated") ? Integer.parseInt(args[1]) : FleetSettings.DEFAULT_METERS;
            generated(meters);
        }
        if (mode.equals("both") || mode.equals("london")) {
            int seeds = args.length > 1 && mode.equals("london") ? Integer.parseInt(args[1]) : 5;
            london(seeds);
        }
    }

    static void generated(int meterCount) throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        FleetSettings settings = FleetSettings.defaults(yesterday).withMeterCount(meterCount);
        Path dir = Files.createTempDirectory("ciw-eval");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("eval.duckdb"))) {
            long t0 = System.nanoTime();
            new SyntheticWorkspaceBuilder(settings, InjectionRates.defaults()).build(workspace, Progress.NONE);
            long t1 = System.nanoTime();
            FleetWindow window = WorkspaceFleetReader.read(workspace, Progress.NONE);
            List<MeterSeries> meters = window.meters();
            List<InjectedAnomaly> labels;
            try (Connection c = workspace.newConnection()) {
                labels = readLabels(c);
            }
            long t2 = System.nanoTime();
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long s = System.nanoTime();
                new Rescoring().run(window, Progress.NONE);
                best = Math.min(best, (System.nanoTime() - s) / 1e9);
            }
            RankingComparison comparison = new RankingComparison();
            comparison.run(window, labels);
            System.out.printf(Locale.UK, "%n(a) Generated workspace: %d meters, %d days, %,d readings, %d labels; build %.1f s, "
                            + "read gold %.1f s, rescoring with learned ranking %.2f s (best of 3, %d cores); %s%n",
                    meters.size(), settings.dayCount(), window.readingCount(), labels.size(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, best, Runtime.getRuntime().availableProcessors(), comparison.timing());
            printTables(comparison);
        } finally {
            deleteTree(dir);
        }
    }


    static List<InjectedAnomaly> readLabels(Connection c) throws SQLException {
        List<InjectedAnomaly> labels = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT mpan, anomaly_type, pattern, epoch(start_utc)::BIGINT, epoch(end_utc)::BIGINT, magnitude, description "
                        + "FROM evaluation.anomaly_labels ORDER BY label_id")) {
            while (rs.next()) {
                labels.add(new InjectedAnomaly(rs.getString(1), AnomalyType.fromCode(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochSecond(rs.getLong(4)), Instant.ofEpochSecond(rs.getLong(5)), rs.getDouble(6),
                        rs.getString(7)));
            }
        }
        return labels;
    }

    static void london(int seeds) throws IOException {
        Path file = Path.of(System.getProperty("lcl.csv", DEFAULT_LCL_CSV));
        Map<String, Growable> households = new TreeMap<>();
        try (LondonSmartMeterCsv csv = LondonSmartMeterCsv.open(file)) {
            ParsedLine line;
            while ((line = csv.next()) != null) {
                if (line instanceof MeterReading r) {
                    households.computeIfAbsent(r.householdId(), k -> new Growable())
                            .add(r.intervalStart().getEpochSecond(), r.kwh());
                }
            }
        }
        List<String> ids = new ArrayList<>(households.keySet());
        List<String> tuning = new ArrayList<>();
        List<String> reporting = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            (i % 2 == 0 ? tuning : reporting).add(ids.get(i));
        }
        System.out.printf(Locale.UK, "%n(b) London: %d households from %s; baseline %s..%s, scored %s..%s; injection rates %s; "
                        + "%d seeds; split by meter: %d tuning / %d reporting households%n", ids.size(), file.getFileName(),
                LONDON_FROM, LONDON_SCORE_FROM, LONDON_SCORE_FROM, LONDON_TO, LONDON_RATES, seeds, tuning.size(), reporting.size());
        for (String half : List.of("tuning", "reporting")) {
            List<String> keys = half.equals("tuning") ? tuning : reporting;
            RankingComparison comparison = new RankingComparison();
            for (int s = 0; s < seeds; s++) {
                long seed = 1000 + s;
                List<MeterSlot> slots = keys.stream().map(k -> new MeterSlot(k, GspGroup.C)).toList();
                AnomalyPlan plan = new AnomalyInjector(seed, LONDON_RATES).plan(slots, LONDON_SCORE_FROM, LONDON_TO);
                List<MeterSeries> meters = new ArrayList<>();
                List<InjectedAnomaly> seedLabels = new ArrayList<>();
                for (MeterSlot slot : slots) {
                    Growable g = households.get(slot.meterKey());
                    long[] t = Arrays.copyOf(g.t, g.n);
                    double[] x = Arrays.copyOf(g.x, g.n);
                    // Keys are suffixed by seed so pooled seeds stay distinct meters.
                    for (InjectedAnomaly l : plan.inject(slot, t, x)) {
                        seedLabels.add(new InjectedAnomaly(l.meterKey() + "#" + seed, l.type(), l.pattern(), l.start(), l.end(),
                                l.magnitude(), l.description()));
                    }
                    meters.add(MeterSeries.adopt(slot.meterKey() + "#" + seed, GspGroup.C, t, x));
                }
                comparison.run(new FleetWindow(meters, LONDON_FROM, LONDON_SCORE_FROM, LONDON_TO), seedLabels);
            }
            System.out.printf(Locale.UK, "%n-- London, %s half (%d households × %d seeds); %s in total --%n",
                    half, keys.size(), seeds, comparison.timing());
            printTables(comparison);
        }
    }

    static void printTables(RankingComparison comparison) {
        System.out.println();
        System.out.println("Ranking by (a) the detector's score, (b) the Isolation-Forest score of the event features, "
                + "(c) the final ranking value written to learned_score:");
        System.out.println();
        comparison.printTable();
        System.out.println();
        System.out.println("Learned scorer and novelty weight w (PR-AUC; calibrated w = 0 is the default ranking value, "
                + "w = 1 the learned score alone):");
        System.out.println();
        comparison.printScorerAndWeightSweep();
    }

    private static final class Growable {
        long[] t = new long[17_600];
        double[] x = new double[17_600];
        int n;

        void add(long epoch, double kwh) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                x = Arrays.copyOf(x, n * 2);
            }
            if (n > 0 && epoch <= t[n - 1]) {
                return; // out of order or repeated: keep the first, the file is sorted per household
            }
            t[n] = epoch;
            x[n] = kwh;
            n++;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
