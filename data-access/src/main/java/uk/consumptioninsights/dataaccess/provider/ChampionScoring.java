package uk.consumptioninsights.dataaccess.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.forest.ChampionModel;
import uk.consumptioninsights.dataaccess.forest.ChampionScore;
import uk.consumptioninsights.dataaccess.forest.ProviderForestFormatException;
import uk.consumptioninsights.dataaccess.forest.ProviderForestJson;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.provider.failure.MissingRelation;
import uk.consumptioninsights.dataaccess.query.ConsumptionQueries;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.learned.ProviderForest;
import uk.consumptioninsights.model.anomaly.learned.ProviderForestScorer;

/**
 * Reads the champion forest notebook 05 publishes ({@code provider_forest}) and scores, here, the features it wrote
 * for the detections the role's listing shows ({@code anomaly_features}), beside the novelty the notebook computed
 * from them. Agreement shows that the published model is the one behind the provider's ranking.
 *
 * <p>The forest (a few MB) is read again only when a newer champion appears; the features are read for the listed
 * detections only, with the listing's own statement as a sub-query, so the role sees no detection it could not list.
 */
public final class ChampionScoring {

    static final String ALIAS = "champion";
    private static final String NOTEBOOK = "notebook 05 (ml_anomaly_detection) of the provider bundle";
    private static final String RERUN = " Run " + NOTEBOOK + " again.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final QueryEngine engine;
    private final ConsumptionQueries queries;
    private final String namespace;
    private volatile Compiled cached;

    /** @param namespace the quoted catalog.schema holding the purpose views and notebook 05's tables */
    public ChampionScoring(QueryEngine engine, ConsumptionQueries queries, String namespace) {
        this.engine = engine;
        this.queries = queries;
        this.namespace = namespace;
    }

    private record Head(String name, int version, Instant trainedAt, String runId) {
    }

    private record Compiled(ChampionModel model, ProviderForestScorer scorer) {
    }

    private record FeatureRow(String anomalyId, double novelty, String featuresJson) {
    }

    /** Blocks on the warehouse: call off the UI thread. Never throws for a missing or unreadable model. */
    public ChampionCheck check(PurposeRole role, DateRange range) {
        try {
            Optional<Compiled> champion = champion();
            if (champion.isEmpty()) {
                return new ChampionCheck.Unavailable(notPublished());
            }
            Compiled compiled = champion.get();
            if (queries.views(role).aggregatesOnly()) {
                return new ChampionCheck.Scored(compiled.model(), Map.of());
            }
            return new ChampionCheck.Scored(compiled.model(), score(compiled, features(role, range, compiled.model())));
        } catch (SourceException e) {
            return new ChampionCheck.Unavailable(explain(e));
        } catch (ProviderForestFormatException e) {
            return new ChampionCheck.Unavailable(e.getMessage());
        }
    }

    private Optional<Compiled> champion() {
        Optional<Head> head = engine.run(headQuery(), rs -> rs.next()
                ? Optional.of(new Head(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)))
                : Optional.empty());
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        Compiled known = cached;
        if (known != null && known.model().version() == h.version() && known.model().trainedAt().equals(h.trainedAt())) {
            return Optional.of(known);
        }
        String json = engine.run(forestQuery(h.version()), rs -> rs.next() ? rs.getString(1) : null);
        if (json == null) {
            return Optional.empty();
        }
        ProviderForest forest = ProviderForestJson.parse(json, relation("provider_forest") + " version " + h.version());
        Compiled fresh = new Compiled(new ChampionModel(h.name(), h.version(), h.trainedAt(), h.runId(), forest),
                forest.compile());
        cached = fresh;
        return Optional.of(fresh);
    }

    private List<FeatureRow> features(PurposeRole role, DateRange range, ChampionModel model) {
        SqlQuery listing = queries.detections(role, range);
        List<Object> parameters = new ArrayList<>(listing.parameters());
        parameters.add((long) model.version());
        SqlQuery query = new SqlQuery("champion-features", "read the champion model's features",
                relation("anomaly_features"),
                "SELECT f.anomaly_id, f.novelty, f.features_json FROM " + relation("anomaly_features") + " f JOIN ("
                        + listing.sql() + ") d ON f.anomaly_id = d.anomaly_id WHERE f.model_version = ?", parameters);
        return engine.run(query, rs -> {
            List<FeatureRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new FeatureRow(rs.getString(1), rs.getDouble(2), rs.getString(3)));
            }
            return rows;
        });
    }

    private Map<String, ChampionScore> score(Compiled compiled, List<FeatureRow> rows) {
        List<String> names = compiled.model().forest().featureNames();
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            matrix[i] = vector(rows.get(i), names);
        }
        double[] scores = compiled.scorer().scoreSamples(matrix);
        Map<String, ChampionScore> byId = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byId.put(rows.get(i).anomalyId(), new ChampionScore(rows.get(i).novelty(), -scores[i]));
        }
        return byId;
    }

    private double[] vector(FeatureRow row, List<String> names) {
        String where = relation("anomaly_features") + " for detection " + row.anomalyId();
        JsonNode features;
        try {
            features = MAPPER.readTree(row.featuresJson() == null ? "null" : row.featuresJson());
        } catch (JsonProcessingException e) {
            throw new ProviderForestFormatException(where + ": features_json is not JSON." + RERUN);
        }
        double[] vector = new double[names.size()];
        for (int f = 0; f < names.size(); f++) {
            JsonNode value = features == null ? null : features.get(names.get(f));
            if (value == null || !value.isNumber()) {
                throw new ProviderForestFormatException(where + ": features_json has no number for the forest's feature '"
                        + names.get(f) + "'." + RERUN);
            }
            vector[f] = value.doubleValue();
        }
        return vector;
    }

    private String notPublished() {
        return "No champion model is published in " + namespace + " yet. Run " + NOTEBOOK
                + ", then reload to see its scores beside the notebook's.";
    }

    private String explain(SourceException e) {
        if (MissingRelation.in(e) || e.getCause() instanceof ProviderException missing && MissingRelation.in(missing.failure())) {
            return notPublished();
        }
        if (e.getCause() instanceof ProviderException p && (p.failure().category() == FailureCategory.MISSING_PRIVILEGE
                || p.failure().category() == FailureCategory.ACCESS_DENIED)) {
            return "This identity may not read the champion model (" + relation("provider_forest") + ", "
                    + relation("anomaly_features") + "). Ask the provider's administrator for SELECT on both.";
        }
        return e.getMessage();
    }

    private SqlQuery headQuery() {
        return new SqlQuery("champion-model", "read the champion model", relation("provider_forest"),
                "SELECT model_name, model_version, " + queries.dialect().epochMillis("trained_at_utc")
                        + ", mlflow_run_id FROM " + relation("provider_forest")
                        + " WHERE model_alias = ? ORDER BY model_version DESC, trained_at_utc DESC LIMIT 1", List.of(ALIAS));
    }

    private SqlQuery forestQuery(int version) {
        return new SqlQuery("champion-forest", "read the champion forest", relation("provider_forest"),
                "SELECT forest_json FROM " + relation("provider_forest")
                        + " WHERE model_alias = ? AND model_version = ? ORDER BY trained_at_utc DESC LIMIT 1",
                List.of(ALIAS, (long) version));
    }

    private String relation(String table) {
        return namespace + "." + queries.dialect().quote(table);
    }
}
