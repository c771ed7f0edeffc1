"""Writes what ProviderModelParityTest compares with the workbench, into the directory given as the only argument.

- meters.csv, window.json, windows.csv: a small generated fleet (two GSP groups, a spring clock change, baseline and
  scored days, zero runs, stuck values, negatives, an implausible reading, gaps) and event windows over it;
- features.csv: anomaly_model.event_features of those windows;
- forest.json: anomaly_model.fit_forest on a deterministic feature matrix, exported in the provider format;
- score_rows.csv, sklearn_scores.csv: 10,000 rows and sklearn's score_samples of them;
- ranking.csv: detections' types and detector scores (with ties), their novelty and anomaly_model.ranking_values;
- pipeline.json: anomaly_model.learn_ranking, notebook 05's whole computation, over the fleet (its forest exported).

Floats are written with repr(), which round-trips exactly to Java's Double.parseDouble.
"""

import csv
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import anomaly_model as am  # noqa: E402

WINDOW_FROM = 1772323200  # 2026-03-01T00:00:00Z
SCORE_FROM = WINDOW_FROM + 21 * am.DAY
WINDOW_TO = WINDOW_FROM + 42 * am.DAY  # after the clock change of 2026-03-29
SCORE_ROWS = 10_000
SEED = 15


def fleet(rng):
    rows = []
    for g, gsp in enumerate(["_A", "C"]):
        for k in range(4):
            key = f"M{g}{k}"
            t = np.arange(WINDOW_FROM, WINDOW_TO, am.HALF_HOUR, dtype=np.int64)
            hour = (t % am.DAY) / 3600.0
            level = 0.2 + 0.1 * k + 0.3 * (np.sin((hour - 7) / 24 * 2 * np.pi) > 0)
            x = np.round(level * rng.gamma(4.0, 0.25, len(t)), 3)
            x[rng.integers(len(t), size=40)] = 0.0
            if k == 0:
                x[1200:1300] = 0.0
            if k == 1:
                x[1500:1580] = 0.417
            if k == 2:
                x[1100:1106] = -0.25
                x[1700] = 60.0
            keep = np.ones(len(t), dtype=bool)
            if k == 3:
                keep[900:930] = False
                keep[rng.integers(len(t), size=25)] = False
            rows.append(pd.DataFrame({"meter_key": key, "gsp_group": gsp, "epoch_seconds": t[keep], "kwh": x[keep]}))
    return pd.concat(rows, ignore_index=True)


def windows_of(readings, rng):
    windows = []
    for key, rows in readings.groupby("meter_key", sort=True):
        n = len(rows)
        for length in [1, 2, 5, 48, 96, 336, 700]:
            for _ in range(5):
                start = int(rng.integers(n - length + 1))
                windows.append((key, start, start + length))
        windows += [(key, 0, 400), (key, 1190, 1310), (key, 1495, 1590), (key, 1095, 1110), (key, 1690, 1710),
                    (key, n - 48, n)]
    return windows


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row in rows:
            out.writerow([repr(v) if isinstance(v, float) else v for v in row])


def forest_rows(rng, features):
    """Training and scoring matrices: smooth columns, a few discrete ones (ties at split values) and outliers."""
    train = rng.normal(0.0, 1.0, (3000, len(am.FEATURE_NAMES)))
    train[:, 7] = np.round(rng.beta(0.5, 8.0, 3000), 2)
    train[:, 6] = np.log2(1 + rng.integers(0, 6, 3000))
    train = np.vstack([train, features])
    fresh = rng.normal(0.0, 1.0, (5000, len(am.FEATURE_NAMES)))
    outliers = rng.normal(0.0, 6.0, (2000, len(am.FEATURE_NAMES)))
    seen = train[rng.integers(len(train), size=SCORE_ROWS - 7000)]
    return train, np.vstack([fresh, outliers, seen])


def main(out):
    rng = np.random.default_rng(SEED)
    readings = fleet(rng)
    readings.to_csv(os.path.join(out, "meters.csv"), index=False, float_format="%r")
    with open(os.path.join(out, "window.json"), "w") as f:
        json.dump({"from": WINDOW_FROM, "score_from": SCORE_FROM, "to": WINDOW_TO}, f)
    windows = windows_of(readings, rng)
    write_csv(os.path.join(out, "windows.csv"), ["meter_key", "from_index", "to_index"], windows)
    context = am.fleet_context(readings, WINDOW_FROM, SCORE_FROM, WINDOW_TO)
    features = am.event_features(context, windows)
    write_csv(os.path.join(out, "features.csv"), am.FEATURE_NAMES, [[float(v) for v in r] for r in features])

    train, rows = forest_rows(rng, features)
    forest = am.fit_forest(train, seed=SEED)
    with open(os.path.join(out, "forest.json"), "w") as f:
        f.write(am.provider_forest_json(forest))
    write_csv(os.path.join(out, "score_rows.csv"), am.FEATURE_NAMES, [[float(v) for v in r] for r in rows])
    write_csv(os.path.join(out, "sklearn_scores.csv"), ["score_samples"],
              [[float(s)] for s in am.score_samples(forest, rows)])

    types = rng.choice(["theft", "meter_malfunction", "network_anomaly", "maintenance"], 400)
    scores = np.round(rng.uniform(0.0, 1.0, 400), 1)
    novelty = -am.score_samples(forest, rows[:400])
    values = am.ranking_values(types, scores, novelty)
    write_csv(os.path.join(out, "ranking.csv"), ["anomaly_type", "score", "novelty", "learned_score"],
              [[str(t), float(s), float(n), float(v)] for t, s, n, v in zip(types, scores, novelty, values)])

    detections = pd.DataFrame([
        {"anomaly_id": f"d{i}", "meter_key": key, "anomaly_type": kind, "score": score,
         "start_epoch": int(readings[readings.meter_key == key].epoch_seconds.iloc[start]),
         "end_epoch": int(readings[readings.meter_key == key].epoch_seconds.iloc[end - 1]) + am.HALF_HOUR}
        for i, ((key, start, end), kind, score) in enumerate(zip(windows[::7], types, scores))
    ] + [{"anomaly_id": "elsewhere", "meter_key": "M99", "anomaly_type": "theft", "score": 0.5,
          "start_epoch": SCORE_FROM, "end_epoch": SCORE_FROM + am.DAY},
         {"anomaly_id": "afterwards", "meter_key": "M00", "anomaly_type": "network_anomaly", "score": 0.5,
          "start_epoch": WINDOW_TO, "end_epoch": WINDOW_TO + am.DAY}])
    run = am.learn_ranking(readings, detections, WINDOW_FROM, SCORE_FROM, WINDOW_TO, seed=SEED)
    # With the informational keys notebook 05 adds, which the workbench must accept.
    forest = am.provider_forest(run.forest, model_name="cat.gold.anomaly_event_iforest", model_version=3,
                                model_alias="champion", trained_at="2026-04-12T02:00:00+00:00",
                                mlflow_run_id="0123456789abcdef")
    with open(os.path.join(out, "pipeline.json"), "w") as f:
        json.dump({"forest": forest, "anomaly_ids": run.anomaly_ids,
                   "training_windows": len(run.ordinary_features), "dropped": run.dropped,
                   "detection_features": run.detection_features.tolist(),
                   "novelty": run.novelty.tolist(), "learned_score": run.learned_score.tolist()}, f)
    # The rows notebook 05 appends to provider_forest and anomaly_features, for ChampionPeerIT.
    with open(os.path.join(out, "champion_tables.json"), "w") as f:
        json.dump({"provider_forest": {"model_name": forest["model_name"], "model_version": forest["model_version"],
                                       "model_alias": forest["model_alias"], "trained_at_utc": forest["trained_at"],
                                       "mlflow_run_id": forest["mlflow_run_id"],
                                       "format_version": forest["format_version"], "forest_json": json.dumps(forest)},
                   "anomaly_features": am.anomaly_feature_rows(run, forest["model_version"])}, f)


if __name__ == "__main__":
    main(sys.argv[1])
