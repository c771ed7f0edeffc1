package uk.consumptioninsights.dataaccess.forest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import uk.consumptioninsights.model.anomaly.learned.ProviderForest;

/**
 * The provider's registered champion Isolation Forest, as notebook 05 publishes it in {@code provider_forest}: the
 * model's Unity Catalog name and version, when it was trained, and the forest itself.
 */
public record ChampionModel(String name, int version, Instant trainedAt, String mlflowRunId, ProviderForest forest) {

    private static final DateTimeFormatter TRAINED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public ChampionModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(forest, "forest");
    }

    /** "Model: champion v3, trained 30 Nov 2026 14:02 UTC", for the Anomalies tab's provenance. */
    public String provenance() {
        return "Model: champion v" + version + ", trained " + TRAINED.format(trainedAt);
    }
}
