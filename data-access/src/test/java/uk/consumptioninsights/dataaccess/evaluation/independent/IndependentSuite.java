package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectionRates;

/**
 * The independent evaluation suite of INDEPENDENT-SUITE.md: each half (tuning = even positions by LCLid, reporting =
 * odd) injected with seeds 1, 2 and 3 and run through the product path on its own, figures pooling the seeds; and the
 * false alarms of the clean reporting half. The same path runs the generator's injector, so the two are comparable.
 */
public final class IndependentSuite {

    public static final long[] SEEDS = {1, 2, 3};

    private final LondonHouseholds households;
    private final PrintStream out;
    private final SuiteTables tables;
    private final ProductPathRun productPath = new ProductPathRun();

    private IndependentSuite(LondonHouseholds households, PrintStream out) {
        this.households = households;
        this.out = out;
        this.tables = new SuiteTables(out);
    }

    /** The suite: both halves with the independent injector, then false alarms on the clean reporting half. */
    public static void independent(Path file) throws IOException, SQLException {
        IndependentSuite suite = open(file, "independent");
        long start = System.nanoTime();
        suite.injected("independent injector (INDEPENDENT-SUITE.md)", new IndependentInjection());
        suite.cleanReportingHalf();
        suite.finished(start);
    }

    /** The workbench generator's AnomalyInjector on the same halves and seeds, through the same product path. */
    public static void generator(Path file, InjectionRates rates) throws IOException, SQLException {
        IndependentSuite suite = open(file, "generator");
        long start = System.nanoTime();
        suite.injected("workbench generator's AnomalyInjector, rates " + rates, new GeneratorInjection(rates));
        suite.finished(start);
    }

    /** The tuning half only, injected and clean: what detector changes may be guided by. */
    public static void tuning(Path file) throws IOException, SQLException {
        IndependentSuite suite = open(file, "tuning");
        long start = System.nanoTime();
        suite.half("Tuning half", suite.households.tuningHalf(), "independent injector (INDEPENDENT-SUITE.md)",
                new IndependentInjection());
        suite.cleanHalf("tuning", suite.households.tuningHalf());
        suite.finished(start);
    }

    /** False alarms only. */
    public static void clean(Path file) throws IOException, SQLException {
        IndependentSuite suite = open(file, "clean");
        long start = System.nanoTime();
        suite.cleanReportingHalf();
        suite.finished(start);
    }

    private static IndependentSuite open(Path file, String mode) throws IOException {
        long start = System.nanoTime();
        LondonHouseholds households = LondonHouseholds.read(file);
        IndependentSuite suite = new IndependentSuite(households, System.out);
        suite.out.printf(Locale.UK, "%n# Independent evaluation suite, mode %s%n%n", mode);
        suite.out.printf(Locale.UK, "Data: %s, %d households (tuning half %d, reporting half %d; %.1f / %.1f meter-years), "
                        + "read in %.1f s. Seeds %s pooled per half (meter keys LCLid#seed). Ranking within a type: the "
                        + "detector's score (INDEPENDENT-SUITE.md, amendment); the last column ranks by learned_score "
                        + "instead, seeds pooled. %d cores.%n", file, households.all().size(),
                households.tuningHalf().size(), households.reportingHalf().size(),
                LondonHouseholds.meterYears(households.tuningHalf()), LondonHouseholds.meterYears(households.reportingHalf()),
                (System.nanoTime() - start) / 1e9, Arrays.toString(SEEDS), Runtime.getRuntime().availableProcessors());
        return suite;
    }

    private void injected(String injector, HalfInjection injection) throws IOException, SQLException {
        half("Tuning half", households.tuningHalf(), injector, injection);
        half("Reporting half", households.reportingHalf(), injector, injection);
    }

    private void half(String name, List<HouseholdSeries> half, String injector, HalfInjection injection)
            throws IOException, SQLException {
        SeedPool pool = new SeedPool();
        for (long seed : SEEDS) {
            InjectedHalf injected = injection.inject(half, seed);
            dumpForStudy(name, seed, injected);
            pool.add(seed, half.size(), injected.labels(), productPath.run(injected.households()));
        }
        out.printf(Locale.UK, "%n## %s: %s%n%nProduct-path runs (import = LondonCsvImport into a new workspace, rescoring = "
                + "WorkspaceRescorer):%n%n", name, injector);
        tables.runs(pool.runs());
        out.printf(Locale.UK, "%nDetection per type, %d seeds pooled:%n%n", SEEDS.length);
        tables.metrics(pool.metrics(), pool.metricsByLearnedScore());
        out.printf(Locale.UK, "%nRecall per injected pattern (labels matched / labels):%n%n");
        tables.patterns(pool.patternRecall());
        String details = System.getProperty("eval.details", "");
        if (!details.isBlank() && name.startsWith("Tuning")) {
            SuiteDetails.print(out, pool, AnomalyType.fromCode(details));
        }
    }

    /**
     * {@code -Deval.dump=<folder>}: the tuning half's injected CSV and labels, per seed, for studying detector changes
     * outside the workbench. Never the reporting half, which stays unseen until a change is made.
     */
    private static void dumpForStudy(String name, long seed, InjectedHalf injected) throws IOException {
        String folder = System.getProperty("eval.dump", "");
        if (folder.isBlank() || !name.startsWith("Tuning")) {
            return;
        }
        Path dir = Path.of(folder);
        java.nio.file.Files.createDirectories(dir);
        LondonLayoutCsv.write(dir.resolve("tuning-seed" + seed + ".csv"), injected.households());
        List<String> lines = new java.util.ArrayList<>();
        lines.add("household,type,pattern,start_utc,end_utc,magnitude");
        for (var l : injected.labels()) {
            lines.add(String.join(",", l.meterKey(), l.type().code(), l.pattern(), l.start().toString(), l.end().toString(),
                    Double.toString(l.magnitude())));
        }
        java.nio.file.Files.write(dir.resolve("tuning-seed" + seed + "-labels.csv"), lines);
    }

    private void cleanReportingHalf() throws IOException, SQLException {
        cleanHalf("reporting", households.reportingHalf());
    }

    private void cleanHalf(String name, List<HouseholdSeries> half) throws IOException, SQLException {
        double meterYears = LondonHouseholds.meterYears(half);
        ProductPathRun.Outcome run = productPath.run(HalfInjection.NONE.inject(half, 0).households());
        out.printf(Locale.UK, "%n## False alarms on the clean " + name + " half (%d households, %.2f meter-years)%n%n"
                        + "Every detection is a false alarm of its type. Import %.1f s, rescoring %.1f s; %,d lines, %,d imported, "
                        + "%d rejected.%n%n", half.size(), meterYears, run.importTime().toMillis() / 1e3,
                run.rescoringTime().toMillis() / 1e3, run.linesWritten(), run.imported().readingsImported(),
                run.imported().rejectedCount());
        tables.falseAlarms(FalseAlarmRate.of(run.detections(), meterYears));
    }

    private void finished(long start) {
        out.printf(Locale.UK, "%nTotal %.1f s.%n", (System.nanoTime() - start) / 1e9);
    }
}
