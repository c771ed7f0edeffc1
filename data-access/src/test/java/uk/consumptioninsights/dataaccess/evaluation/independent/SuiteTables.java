package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.detect.DetectionMetrics;

/** The suite's Markdown tables. */
final class SuiteTables {

    private final PrintStream out;

    SuiteTables(PrintStream out) {
        this.out = out;
    }

    void runs(List<SeedPool.Run> runs) {
        out.println("| seed | households | CSV lines | imported | kept flagged | rejected | labels | detections | import s | rescoring s |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SeedPool.Run run : runs) {
            ProductPathRun.Outcome o = run.outcome();
            out.printf(Locale.UK, "| %d | %d | %,d | %,d | %d | %d | %d | %d | %.1f | %.1f |%n", run.seed(), run.households(),
                    o.linesWritten(), o.imported().readingsImported(), o.imported().flaggedCount(), o.imported().rejectedCount(),
                    run.labels(), o.detections().size(), o.importTime().toMillis() / 1e3, o.rescoringTime().toMillis() / 1e3);
        }
    }

    /** Per type: ranked by the detector's score, with PR-AUC ranked by learned_score pooled over seeds beside it. */
    void metrics(List<DetectionMetrics.Result> results, List<DetectionMetrics.Result> byLearned) {
        out.println("| type | labels | detections | TP | recall | PR-AUC | P@10 | P@50 | PR-AUC by learned_score, seeds pooled |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int k = 0; k < results.size(); k++) {
            DetectionMetrics.Result r = results.get(k);
            if (r.type() != null) {
                out.printf(Locale.UK, "| %s | %d | %d | %d | %s | %s | %s | %s | %s |%n", r.type().code(), r.labels(),
                        r.detections(), r.truePositives(), number(r.recall()), number(r.averagePrecision()),
                        share(r.precisionAt(10)), share(r.precisionAt(50)), number(byLearned.get(k).averagePrecision()));
            }
        }
        out.printf(Locale.UK, "| macro (mean of type PR-AUC) | | | | | %s | | | %s |%n",
                number(DetectionMetrics.macroAveragePrecision(results)), number(DetectionMetrics.macroAveragePrecision(byLearned)));
    }

    void patterns(List<PatternRecall> rows) {
        out.println("| type | pattern | labels | matched | recall |");
        out.println("|---|---|---:|---:|---:|");
        for (PatternRecall r : rows) {
            out.printf(Locale.UK, "| %s | %s | %d | %d | %s |%n", r.type().code(), r.pattern(), r.labels(), r.matched(),
                    number(r.recall()));
        }
    }

    void falseAlarms(List<FalseAlarmRate> rates) {
        out.println("| type | detections | at alarm cut (score ≥ 0.7) | per 100 meter-years at alarm cut | per 100 meter-years, all |");
        out.println("|---|---:|---:|---:|---:|");
        int all = 0;
        int atCut = 0;
        double meterYears = rates.isEmpty() ? Double.NaN : rates.get(0).meterYears();
        for (FalseAlarmRate r : rates) {
            out.printf(Locale.UK, "| %s | %d | %d | %.1f | %.1f |%n", r.type().code(), r.detections(), r.atAlarmCut(),
                    r.atAlarmCutPerHundredMeterYears(), r.perHundredMeterYears());
            all += r.detections();
            atCut += r.atAlarmCut();
        }
        out.printf(Locale.UK, "| all types | %d | %d | %.1f | %.1f |%n", all, atCut, 100 * atCut / meterYears, 100 * all / meterYears);
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.UK, "%.2f", value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.UK, "%.3f", value);
    }
}
