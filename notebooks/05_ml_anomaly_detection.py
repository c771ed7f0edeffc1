# Databricks notebook source
# MAGIC %md
# MAGIC # 05 · Learned anomaly ranking (Isolation Forest)
# MAGIC
# MAGIC Ranks the gold detections across types as the workbench does (`LearnedRanking`): the event features of each
# MAGIC detection's window and of ordinary windows drawn from the fleet, an Isolation Forest fitted on the ordinary ones
# MAGIC (100 trees, max_samples 256, contamination "auto", the workbench's settings), and each detection's
# MAGIC `learned_score`, the detector's score calibrated onto the forest's scale type by type.
# MAGIC
# MAGIC It then
# MAGIC 1. logs an MLflow run and registers the model in Unity Catalog with the alias `champion`;
# MAGIC 2. exports the forest in the provider format (`notebooks/provider-forest-format.md`) to a volume file and to the
# MAGIC    table `provider_forest`, from which the workbench rescores locally with exactly these numbers;
# MAGIC 3. writes each ranked detection's event features and novelty to `anomaly_features`, on which the workbench scores
# MAGIC    the published champion and shows its scores beside the notebook's;
# MAGIC 4. writes `learned_score` into `gold.anomalies`.
# MAGIC
# MAGIC Every number comes from `lib/anomaly_model.py` and `lib/fleet_features.py`, plain numpy/pandas/scikit-learn;
# MAGIC these cells only move data between Spark, MLflow and them. The modules are tested outside Databricks against
# MAGIC the workbench (`ProviderModelParityTest`, run by `mvn verify`). **These cells themselves have not been run**:
# MAGIC neither Spark for Python nor MLflow is available where the project is built.

# COMMAND ----------

dbutils.widgets.text("catalog", "consumption_insights")
dbutils.widgets.text("schema", "gold")
dbutils.widgets.text("model_name", "anomaly_event_iforest")
dbutils.widgets.text("baseline_days", "28")
dbutils.widgets.text("score_days", "28")
dbutils.widgets.text("seed", "1592598282")

catalog = dbutils.widgets.get("catalog")
schema = dbutils.widgets.get("schema")
model_name = f"{catalog}.{schema}.{dbutils.widgets.get('model_name')}"
baseline_days = int(dbutils.widgets.get("baseline_days"))
score_days = int(dbutils.widgets.get("score_days"))
# The workbench's LearnedRanking.DEFAULT_SEED (0x5EED1F0A); numpy draws other windows from it, the recipe is the same.
seed = int(dbutils.widgets.get("seed"))
gold = f"`{catalog}`.`{schema}`"

# COMMAND ----------

import os
import sys

# Workspace files run with the notebook's folder as the working directory.
sys.path.insert(0, os.path.join(os.getcwd(), "lib"))
import anomaly_model as am  # noqa: E402

# COMMAND ----------

from pyspark.sql import functions as F

DAY = am.DAY
latest = spark.table(f"{gold}.consumption_half_hourly").agg(F.max("interval_start_utc").cast("long")).first()[0]
if latest is None:
    dbutils.notebook.exit("No half-hourly readings in gold: nothing to learn from")
window_to = (latest // am.HALF_HOUR + 1) * am.HALF_HOUR
score_from = window_to - score_days * DAY
window_from = score_from - baseline_days * DAY

readings = (spark.table(f"{gold}.consumption_half_hourly")
            .where((F.col("interval_start_utc").cast("long") >= window_from)
                   & (F.col("interval_start_utc").cast("long") < window_to))
            .select(F.col("mpan").alias("meter_key"), "gsp_group",
                    F.col("interval_start_utc").cast("long").alias("epoch_seconds"), "kwh")
            .toPandas())

detections = (spark.table(f"{gold}.anomalies")
              .where((F.col("interval_end_utc").cast("long") > score_from)
                     & (F.col("interval_start_utc").cast("long") < window_to))
              .select("anomaly_id", F.col("mpan").alias("meter_key"), "anomaly_type", "score",
                      F.col("interval_start_utc").cast("long").alias("start_epoch"),
                      F.col("interval_end_utc").cast("long").alias("end_epoch"))
              .toPandas())
print(f"{len(readings):,} readings of {readings.meter_key.nunique():,} meters; {len(detections):,} detections")

# COMMAND ----------

run = am.learn_ranking(readings, detections, window_from, score_from, window_to, seed)
print(f"{len(run.anomaly_ids):,} detections ranked on {len(run.ordinary_features):,} ordinary windows; "
      f"{run.dropped:,} dropped (no readings for their meter in the window)")
if run.forest is None:
    dbutils.notebook.exit("Too few ordinary windows to learn from; nothing registered or written")

# COMMAND ----------

import json
from datetime import datetime, timezone

import mlflow
import pandas as pd
from mlflow import MlflowClient
from mlflow.models import infer_signature

mlflow.set_registry_uri("databricks-uc")
training = pd.DataFrame(run.ordinary_features, columns=am.FEATURE_NAMES)
trained_at = datetime.now(timezone.utc).isoformat(timespec="seconds")

with mlflow.start_run(run_name="anomaly-event-iforest") as active:
    mlflow.log_params({
        "n_estimators": am.N_ESTIMATORS, "max_samples": am.MAX_SAMPLES, "contamination": am.CONTAMINATION,
        "seed": seed, "window_from": window_from, "score_from": score_from, "window_to": window_to,
        "novelty_weight": am.DEFAULT_NOVELTY_WEIGHT,
    })
    mlflow.log_metrics({
        "training_windows": len(run.ordinary_features), "detections_ranked": len(run.anomaly_ids),
        "detections_dropped": run.dropped,
        "detections_outlying_share": float((run.forest.decision_function(
            pd.DataFrame(run.detection_features, columns=am.FEATURE_NAMES)) < 0).mean()),
    })
    mlflow.sklearn.log_model(run.forest, artifact_path="model", registered_model_name=model_name,
                             signature=infer_signature(training, run.forest.score_samples(training)),
                             input_example=training.head(5))
    run_id = active.info.run_id

client = MlflowClient(registry_uri="databricks-uc")
version = max(int(v.version) for v in client.search_model_versions(f"name = '{model_name}' and run_id = '{run_id}'"))
client.set_registered_model_alias(model_name, "champion", version)
print(f"Registered {model_name} version {version} as champion (run {run_id})")

# COMMAND ----------

# The workbench reads the forest from the table over JDBC (or the volume file through the Files API) and takes the
# model's version and training time from the same row, for the Anomalies tab's provenance.
forest_json = am.provider_forest_json(run.forest, model_name=model_name, model_version=version,
                                      model_alias="champion", trained_at=trained_at, mlflow_run_id=run_id)
with mlflow.start_run(run_id=run_id):
    mlflow.log_text(forest_json, "provider_forest.json")

spark.sql(f"CREATE VOLUME IF NOT EXISTS {gold}.`models`")
with open(f"/Volumes/{catalog}/{schema}/models/provider_forest.json", "w") as f:
    f.write(forest_json)

spark.sql(f"""
    CREATE TABLE IF NOT EXISTS {gold}.provider_forest (
        model_name STRING, model_version INT, model_alias STRING, trained_at_utc TIMESTAMP, mlflow_run_id STRING,
        format_version INT, forest_json STRING)
    COMMENT 'Isolation forests exported for local rescoring (notebooks/provider-forest-format.md); newest champion last'
""")
(spark.createDataFrame([(model_name, version, "champion", datetime.fromisoformat(trained_at), run_id,
                         json.loads(forest_json)["format_version"], forest_json)],
                       "model_name STRING, model_version INT, model_alias STRING, trained_at_utc TIMESTAMP, "
                       "mlflow_run_id STRING, format_version INT, forest_json STRING")
 .write.mode("append").saveAsTable(f"{gold}.provider_forest"))

# COMMAND ----------

# The features each detection was scored on, with its novelty: the workbench scores the published champion on exactly
# these inputs and shows both beside each other (provider mode, Anomalies tab), so an analyst can see that the model
# behind the ranking is the registered one.
spark.sql(f"""
    CREATE TABLE IF NOT EXISTS {gold}.anomaly_features (
        anomaly_id STRING, model_version INT, novelty DOUBLE, features_json STRING)
    COMMENT 'Event features and novelty of each ranked detection, per model version (notebook 05)'
""")
spark.sql(f"DELETE FROM {gold}.anomaly_features WHERE model_version = {int(version)}")
(spark.createDataFrame(am.anomaly_feature_rows(run, version),
                       "anomaly_id STRING, model_version INT, novelty DOUBLE, features_json STRING")
 .write.mode("append").saveAsTable(f"{gold}.anomaly_features"))

# The workbench reads both tables as the analyst (notebook 04's groups): the model for every purpose, the per-detection
# features only for the purposes that list detections one by one. Neither holds a meter identifier.
for group in ["settlement-analysts", "market-monitoring", "research"]:
    spark.sql(f"GRANT SELECT ON TABLE {gold}.provider_forest TO `{group}`")
for group in ["settlement-analysts", "market-monitoring"]:
    spark.sql(f"GRANT SELECT ON TABLE {gold}.anomaly_features TO `{group}`")

# COMMAND ----------

scores = spark.createDataFrame(pd.DataFrame({"anomaly_id": run.anomaly_ids, "learned_score": run.learned_score}))
scores.createOrReplaceTempView("learned_scores")
spark.sql(f"""
    MERGE INTO {gold}.anomalies AS a
    USING learned_scores AS s
    ON a.anomaly_id = s.anomaly_id
    WHEN MATCHED THEN UPDATE SET a.learned_score = s.learned_score
""")
print(f"learned_score written for {len(run.anomaly_ids):,} detections")
