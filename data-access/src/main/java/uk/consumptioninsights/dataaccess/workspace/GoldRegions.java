package uk.consumptioninsights.dataaccess.workspace;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.consumptioninsights.model.meter.GspGroup;

/** The GSP group → region names for gold.meters, taken from the model so SQL and Java never disagree. */
final class GoldRegions {

    private GoldRegions() {
    }

    static String caseArms() {
        return Stream.of(GspGroup.values())
                .map(g -> "WHEN '" + g.code() + "' THEN '" + g.region().replace("'", "''") + "'")
                .collect(Collectors.joining(" ")) + " ELSE 'Unknown' ";
    }
}
