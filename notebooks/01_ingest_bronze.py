# Databricks notebook source
# Bronze ingestion with Auto Loader: every delivery file dropped into the landing volume (one Parquet file per ingest
# batch, in the layout of bronze hh_deliveries, as the workbench's BronzeLanding writes it) is appended to bronze
# exactly once. The checkpoint remembers which files were loaded; the availableNow trigger loads what is there and
# stops, so the job's next task starts on a complete bronze. Parameters (job parameters → widgets): catalog,
# bronze_schema.

# COMMAND ----------

catalog = dbutils.widgets.get("catalog")
bronze_schema = dbutils.widgets.get("bronze_schema")
landing = f"/Volumes/{catalog}/{bronze_schema}/landing"

# COMMAND ----------

# The schema is bronze's own, declared rather than inferred: a file of another shape fails the load instead of
# silently widening bronze.
deliveries_schema = (
    "delivery_id BIGINT, ingest_batch INT, mpan STRING, settlement_date DATE, first_interval_utc TIMESTAMP, "
    "period_kwh ARRAY<DOUBLE>, version INT, received_at_utc TIMESTAMP, source STRING, read_type STRING, "
    "settlement_run STRING"
)

(
    spark.readStream.format("cloudFiles")
    .option("cloudFiles.format", "parquet")
    .option("pathGlobFilter", "batch-*.parquet")
    .schema(deliveries_schema)
    .load(f"{landing}/hh_deliveries")
    .writeStream.option("checkpointLocation", f"{landing}/_checkpoints/hh_deliveries")
    .trigger(availableNow=True)
    .toTable(f"{catalog}.{bronze_schema}.hh_deliveries")
    .awaitTermination()
)

# COMMAND ----------

registrations_schema = (
    "mpan STRING, gsp_group STRING, customer_class STRING, source_meter_id STRING, source STRING, "
    "received_at_utc TIMESTAMP"
)

(
    spark.readStream.format("cloudFiles")
    .option("cloudFiles.format", "parquet")
    .schema(registrations_schema)
    .load(f"{landing}/meter_registrations")
    .writeStream.option("checkpointLocation", f"{landing}/_checkpoints/meter_registrations")
    .trigger(availableNow=True)
    .toTable(f"{catalog}.{bronze_schema}.meter_registrations")
    .awaitTermination()
)
