"""The provider's learned anomaly ranking, in plain functions over numpy/pandas/scikit-learn.

Notebook 05 glues Spark and MLflow to these functions; everything that decides a number lives here and in
``fleet_features`` so that it runs, and is tested, outside Databricks (``ProviderModelParityTest`` runs it against the
workbench on every ``mvn verify``). The forest has the workbench's hyper-parameters (``IsolationForestNovelty``:
100 trees, max_samples 256, contamination "auto") and is exported in ``notebooks/provider-forest-format.md``.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import IsolationForest

from fleet_features import (DAY, FEATURE_NAMES, HALF_HOUR, event_features, fleet_context,  # noqa: F401
                            ordinary_windows, window_indices)

N_ESTIMATORS = 100
MAX_SAMPLES = 256
CONTAMINATION = "auto"
MIN_TRAINING_WINDOWS = 32
DEFAULT_NOVELTY_WEIGHT = 0.0


def fit_forest(features, seed):
    """The workbench's forest: 100 trees, ψ = 256, contamination "auto" (``IsolationForestNovelty.defaults``)."""
    frame = pd.DataFrame(np.asarray(features, dtype=np.float64), columns=FEATURE_NAMES)
    forest = IsolationForest(n_estimators=N_ESTIMATORS, max_samples=MAX_SAMPLES, contamination=CONTAMINATION,
                             random_state=seed)
    return forest.fit(frame)


def score_samples(forest, features):
    """sklearn's ``score_samples``, in [−1, 0): lower = more anomalous. The novelty is its negation."""
    return forest.score_samples(pd.DataFrame(np.asarray(features, dtype=np.float64), columns=FEATURE_NAMES))


def ranking_values(types, scores, novelty, novelty_weight=DEFAULT_NOVELTY_WEIGHT):
    """``LearnedRanking.rankingValues``: the value gold.anomalies.learned_score holds, in 0..1.

    Each detection's detector score is moved onto the novelty scale within its type (the type's best-scored
    detection gets the type's highest novelty, the median one the median, linear between neighbours, ties share their
    mid-rank), then mixed with its own novelty by ``novelty_weight``. The default weight 0 keeps each detector's order
    within its type and places the types against each other by how unusual their windows are.
    """
    types = np.asarray(types)
    scores = np.asarray(scores, dtype=np.float64)
    novelty = np.asarray(novelty, dtype=np.float64)
    calibrated = np.empty(len(novelty))
    for kind in np.unique(types):
        members = np.nonzero(types == kind)[0]
        sorted_novelty = np.sort(novelty[members])
        sorted_scores = np.sort(scores[members])
        below = np.searchsorted(sorted_scores, scores[members], side="left")
        ties = np.searchsorted(sorted_scores, scores[members], side="right") - below
        position = below + (ties - 1) / 2.0
        lo = np.floor(position).astype(np.int64)
        hi = np.minimum(lo + 1, len(members) - 1)
        calibrated[members] = sorted_novelty[lo] + (sorted_novelty[hi] - sorted_novelty[lo]) * (position - lo)
    return np.clip(novelty_weight * novelty + (1 - novelty_weight) * calibrated, 0.0, 1.0)


def provider_forest(forest, **informational):
    """The fitted forest as a ``provider-isolation-forest`` version 1 document (a dict; ``json.dumps`` it)."""
    subsampled = forest._max_features != forest.n_features_in_
    trees = []
    for estimator, features in zip(forest.estimators_, forest.estimators_features_):
        t = estimator.tree_
        tree = {
            "children_left": t.children_left.tolist(),
            "children_right": t.children_right.tolist(),
            "feature": t.feature.tolist(),
            # Full float64 precision: json writes repr(), which round-trips exactly.
            "threshold": t.threshold.tolist(),
            "n_node_samples": t.n_node_samples.tolist(),
        }
        # sklearn indexes columns only when it sub-sampled features; otherwise the list would scramble them.
        if subsampled:
            tree["features"] = [int(f) for f in features]
        trees.append(tree)
    doc = {
        "format": "provider-isolation-forest",
        "format_version": 1,
        "sklearn_version": sklearn.__version__,
        "feature_names": [str(f) for f in forest.feature_names_in_],
        "offset": float(forest.offset_),
        "contamination": forest.contamination,
        "max_samples": int(forest.max_samples_),
        "n_estimators": len(trees),
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    doc.update(informational)
    doc["trees"] = trees
    return doc


def provider_forest_json(forest, **informational):
    return json.dumps(provider_forest(forest, **informational))


def anomaly_feature_rows(run, model_version):
    """Notebook 05's rows of ``anomaly_features``: (anomaly_id, model_version, novelty, features_json) per scored detection.

    The features are a JSON object keyed by feature name at full float64 precision (``json`` writes ``repr``, which
    round-trips), so the workbench can score the published champion forest on exactly these inputs and show its
    novelty beside the one computed here.
    """
    return [(str(anomaly_id), int(model_version), float(novelty),
             json.dumps({name: float(value) for name, value in zip(FEATURE_NAMES, features)}))
            for anomaly_id, novelty, features in zip(run.anomaly_ids, run.novelty, run.detection_features)]


@dataclass
class LearnedRankingRun:
    """What notebook 05 logs, registers, exports and writes: one row per kept detection."""
    forest: object
    anomaly_ids: list
    detection_features: np.ndarray
    ordinary_features: np.ndarray
    novelty: np.ndarray
    learned_score: np.ndarray
    dropped: int


def learn_ranking(readings, detections, window_from, score_from, window_to, seed):
    """``LearnedRanking.rank`` for the provider: features of the detections' windows and of drawn ordinary windows, the
    forest fitted on the ordinary ones, the detections' novelty (−score_samples) and their learned_score.

    readings: as for ``fleet_context``. detections: DataFrame with ``anomaly_id``, ``meter_key``, ``anomaly_type``,
    ``score``, ``start_epoch`` and ``end_epoch`` (UTC seconds, end exclusive). A detection of a meter without readings
    in the window, or starting after the meter's last reading, has no window to describe and is dropped (counted in
    ``dropped``; the workbench never meets one, its detections come from the same readings). With fewer than
    MIN_TRAINING_WINDOWS ordinary windows nothing is learned: ``forest`` is None and every novelty is 0.5, as in the
    workbench.
    """
    context = fleet_context(readings, window_from, score_from, window_to)
    windows = []
    kept = []
    for position, row in enumerate(detections.itertuples(index=False)):
        meter = context.meters.get(row.meter_key)
        if meter is None:
            continue
        first, last = window_indices(meter.t, int(row.start_epoch), int(row.end_epoch))
        if first < last:
            windows.append((row.meter_key, first, last))
            kept.append(position)
    known = detections.iloc[kept]
    if not windows:
        raise ValueError("No detection falls on a meter with readings in the window: nothing to rank")
    queries = event_features(context, windows)
    ordinary = ordinary_windows(context, windows, seed)
    train = event_features(context, ordinary) if ordinary else np.zeros((0, len(FEATURE_NAMES)))
    forest = None
    if len(train) >= MIN_TRAINING_WINDOWS:
        forest = fit_forest(train, seed)
        novelty = -score_samples(forest, queries)
    else:
        novelty = np.full(len(queries), 0.5)
    learned = ranking_values(known["anomaly_type"].to_numpy(), known["score"].to_numpy(np.float64), novelty)
    return LearnedRankingRun(forest, known["anomaly_id"].tolist(), queries, train, novelty, learned,
                             len(detections) - len(known))
