package uk.consumptioninsights.app.anomalies;

import java.util.Locale;
import java.util.Map;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.forest.ChampionScore;

/** The provider's champion model in words: for the provenance line and for one detection's facts. */
final class ChampionLines {

    private ChampionLines() {
    }

    /** Empty for sources that publish no model. */
    static String provenance(ChampionCheck check) {
        if (check instanceof ChampionCheck.Unavailable u) {
            return "Model: " + u.reason();
        }
        if (!(check instanceof ChampionCheck.Scored s)) {
            return "";
        }
        String model = s.model().provenance();
        if (s.scores().isEmpty()) {
            return model + " · no listed detection carries the notebook's features to score here";
        }
        long agreeing = s.agreeing();
        int scored = s.scores().size();
        if (agreeing == scored) {
            return model + " · scored here on the notebook's features: all " + Formats.count(scored)
                    + " detections agree with the notebook";
        }
        return model + " · scored here on the notebook's features: " + Formats.count(scored - agreeing) + " of "
                + Formats.count(scored) + " detections differ from the notebook (up to " + difference(s.largestDifference())
                + "), so the published forest is not the one that ranked them";
    }

    /** The champion's scores by anomaly id; none when the source publishes no model or it could not be read. */
    static Map<String, ChampionScore> scores(ChampionCheck check) {
        return check instanceof ChampionCheck.Scored s ? s.scores() : Map.of();
    }

    /** One detection's line in the detail pane. */
    static String detection(ChampionScore score) {
        return "Champion forest novelty: notebook " + Formats.decimal(score.notebookNovelty(), 4) + " · scored here "
                + Formats.decimal(score.localNovelty(), 4) + (score.agrees() ? " (agree)" : " (differ)");
    }

    private static String difference(double value) {
        return String.format(Locale.UK, "%.1e", value);
    }
}
