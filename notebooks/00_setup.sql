-- Databricks notebook source
-- Setup: the catalog, the bronze/silver/gold/evaluation schemas, the landing volume and every table of the gold
-- contract (data-access .../contract/gold-contract.json). Safe to repeat. Parameters (widgets or job parameters):
-- catalog, bronze_schema, silver_schema, schema (gold), evaluation_schema.
-- Times are UTC; the session time zone is set so that casts between dates and timestamps mean UTC everywhere.

-- COMMAND ----------

SET TIME ZONE 'UTC';

-- COMMAND ----------

CREATE CATALOG IF NOT EXISTS IDENTIFIER(:catalog);

-- COMMAND ----------

CREATE SCHEMA IF NOT EXISTS IDENTIFIER(:catalog || '.' || :bronze_schema);

CREATE SCHEMA IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema);

CREATE SCHEMA IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema);

CREATE SCHEMA IF NOT EXISTS IDENTIFIER(:catalog || '.' || :evaluation_schema);

-- COMMAND ----------

-- Delivery files land here (one Parquet file per ingest batch, in the layout of bronze hh_deliveries); Auto Loader
-- (01_ingest_bronze) picks them up.
CREATE VOLUME IF NOT EXISTS IDENTIFIER(:catalog || '.' || :bronze_schema || '.landing');

-- COMMAND ----------

-- Bronze, as the feeds deliver: registrations (the latest per MPAN wins) and one row per MPAN per settlement day with
-- a value per period (46, 48 or 50), NULL where a period is missing, its read type (actual, estimated; NULL when the
-- source does not say) and the settlement run whose data it is (SF, or a reconciliation R1, R2, R3, RF, DF).
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :bronze_schema || '.meter_registrations') (
    mpan            STRING    NOT NULL,
    gsp_group       STRING    NOT NULL,
    customer_class  STRING    NOT NULL,
    source_meter_id STRING,
    source          STRING    NOT NULL,
    received_at_utc TIMESTAMP NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :bronze_schema || '.hh_deliveries') (
    delivery_id        BIGINT        NOT NULL,
    ingest_batch       INT           NOT NULL,
    mpan               STRING        NOT NULL,
    settlement_date    DATE          NOT NULL,
    first_interval_utc TIMESTAMP     NOT NULL,
    period_kwh         ARRAY<DOUBLE> NOT NULL,
    version            INT           NOT NULL,
    received_at_utc    TIMESTAMP     NOT NULL,
    source             STRING        NOT NULL,
    read_type          STRING,
    settlement_run     STRING
) USING delta;

-- COMMAND ----------

-- Silver: the meter dimension (the only silver table with the MPAN), the latest version of every (meter, interval)
-- with its quality flag, late readings, the settlement calendar of the dates held, the dates gold must refresh, and
-- the runs (the last batch processed is where the next run starts).
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') (
    mpan            STRING NOT NULL,
    gsp_group       STRING NOT NULL,
    customer_class  STRING NOT NULL,
    source_meter_id STRING,
    meter_id        INT    NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') (
    meter_id           INT       NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    kwh                DOUBLE    NOT NULL,
    version            INT       NOT NULL,
    delivery_id        BIGINT    NOT NULL,
    received_at_utc    TIMESTAMP NOT NULL,
    quality            STRING,
    read_type          STRING,
    settlement_run     STRING
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.late_rejections') (
    mpan               STRING    NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    kwh                DOUBLE    NOT NULL,
    version            INT       NOT NULL,
    delivery_id        BIGINT    NOT NULL,
    ingest_batch       INT       NOT NULL,
    received_at_utc    TIMESTAMP NOT NULL,
    watermark_utc      TIMESTAMP NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.settlement_days') (
    settlement_date    DATE      NOT NULL,
    periods            SMALLINT  NOT NULL,
    first_interval_utc TIMESTAMP NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') (
    settlement_date DATE NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.pipeline_runs') (
    run_id              INT       NOT NULL,
    started_at_utc      TIMESTAMP NOT NULL,
    finished_at_utc     TIMESTAMP NOT NULL,
    first_batch         INT,
    last_batch          INT,
    readings_in         BIGINT    NOT NULL,
    readings_upserted   BIGINT    NOT NULL,
    readings_late       BIGINT    NOT NULL,
    readings_superseded BIGINT    NOT NULL
) USING delta;

-- COMMAND ----------

-- Gold, as the contract lists it. The local workspace keeps half-hourly and flagged readings as views over silver;
-- here they are tables, refreshed per settlement date like the rollups, so that a share can carry their history.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.meters') (
    mpan           STRING NOT NULL,
    mpan_pseudonym STRING NOT NULL,
    gsp_group      STRING NOT NULL,
    region         STRING NOT NULL,
    customer_class STRING NOT NULL,
    meter_id       INT    NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.consumption_half_hourly') (
    mpan               STRING    NOT NULL,
    gsp_group          STRING    NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    kwh                DOUBLE    NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.flagged_readings') (
    mpan               STRING    NOT NULL,
    gsp_group          STRING    NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    recorded_kwh       DOUBLE    NOT NULL,
    quality            STRING    NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') (
    meter_id         INT      NOT NULL,
    gsp_group        STRING   NOT NULL,
    settlement_date  DATE     NOT NULL,
    periods_expected SMALLINT NOT NULL,
    periods_read     SMALLINT NOT NULL,
    kwh_total        DOUBLE   NOT NULL,
    periods_flagged  SMALLINT NOT NULL,
    periods_estimated SMALLINT NOT NULL,
    kwh_actual       DOUBLE   NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly') (
    gsp_group          STRING    NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    meter_count        INT       NOT NULL,
    kwh_total          DOUBLE    NOT NULL
) USING delta;

-- Data quality per settlement day and GSP group (03_curate_gold): completeness, energy on actual reads, duplicate and
-- superseded versions, late and flagged readings.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily') (
    settlement_date      DATE     NOT NULL,
    gsp_group            STRING   NOT NULL,
    periods_in_day       SMALLINT NOT NULL,
    meter_days           INT      NOT NULL,
    periods_expected     BIGINT   NOT NULL,
    periods_received     BIGINT   NOT NULL,
    periods_flagged      BIGINT   NOT NULL,
    periods_estimated    BIGINT   NOT NULL,
    meter_days_estimated INT      NOT NULL,
    kwh_total            DOUBLE   NOT NULL,
    kwh_actual           DOUBLE   NOT NULL,
    deliveries           BIGINT   NOT NULL,
    duplicate_deliveries BIGINT   NOT NULL,
    superseded_versions  BIGINT   NOT NULL,
    readings_late        BIGINT   NOT NULL
) USING delta;

-- Detections, written by 05_ml_anomaly_detection (and any rule-based detector).
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.anomalies') (
    anomaly_id         STRING    NOT NULL,
    mpan               STRING    NOT NULL,
    gsp_group          STRING    NOT NULL,
    anomaly_type       STRING    NOT NULL,
    severity           STRING    NOT NULL,
    score              DOUBLE    NOT NULL,
    settlement_date    DATE      NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    interval_end_utc   TIMESTAMP NOT NULL,
    expected_kwh       DOUBLE,
    actual_kwh         DOUBLE,
    reason             STRING    NOT NULL,
    detector           STRING    NOT NULL,
    detected_at_utc    TIMESTAMP NOT NULL,
    learned_score      DOUBLE
) USING delta;

-- COMMAND ----------

-- Ground truth of injected anomalies, for evaluation only: no purpose view reads it.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :evaluation_schema || '.anomaly_labels') (
    label_id     INT       NOT NULL,
    mpan         STRING    NOT NULL,
    gsp_group    STRING    NOT NULL,
    anomaly_type STRING    NOT NULL,
    pattern      STRING    NOT NULL,
    start_utc    TIMESTAMP NOT NULL,
    end_utc      TIMESTAMP NOT NULL,
    magnitude    DOUBLE    NOT NULL,
    description  STRING    NOT NULL
) USING delta;

-- COMMAND ----------

-- Cases (issue 18), raised and worked by analysts from the workbench in provider mode, which writes them with MERGE on
-- the version it read (a save that finds another version is refused, never an overwrite; write_id tells the workbench
-- its own write from someone else's). One row per case; the trail, a row per changed field; and the MPAN of a case
-- raised under Settlement, in a table of its own that 04 grants to Settlement only (case_reports holds no MPAN:
-- meter_kind 'mpan' with no key). Codes: category theft | meter_malfunction | network_anomaly | maintenance |
-- data_quality | other; priority urgent | high | medium | low; status open | investigating | escalated | resolved |
-- closed; raised_under the purpose (SETTLEMENT, MARKET_MONITORING, RESEARCH, RECIPIENT).
CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.case_reports') (
    case_id           STRING    NOT NULL,
    title             STRING    NOT NULL,
    category          STRING    NOT NULL,
    priority          STRING    NOT NULL,
    assignee          STRING,
    description       STRING    NOT NULL,
    status            STRING    NOT NULL,
    linked_anomaly_id STRING,
    meter_kind        STRING,
    meter_key         STRING,
    raised_under      STRING    NOT NULL,
    version           BIGINT    NOT NULL,
    created_at_utc    TIMESTAMP NOT NULL,
    created_by        STRING    NOT NULL,
    updated_at_utc    TIMESTAMP NOT NULL,
    updated_by        STRING    NOT NULL,
    write_id          STRING    NOT NULL
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.case_activity') (
    case_id    STRING    NOT NULL,
    version    BIGINT    NOT NULL,
    entry_no   INT       NOT NULL,
    at_utc     TIMESTAMP NOT NULL,
    actor      STRING    NOT NULL,
    field      STRING    NOT NULL,
    from_value STRING,
    to_value   STRING
) USING delta;

CREATE TABLE IF NOT EXISTS IDENTIFIER(:catalog || '.' || :schema || '.case_report_mpans') (
    case_id STRING NOT NULL,
    mpan    STRING NOT NULL
) USING delta;
