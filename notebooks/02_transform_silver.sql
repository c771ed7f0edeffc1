-- Databricks notebook source
-- Bronze → silver, with the rules of the workbench's MedallionPipeline (data-access .../pipeline/MedallionPipeline.java):
-- every batch delivered since the last run is checked against an event-time watermark 48 hours behind the latest
-- interval seen before that batch (silver's, then earlier batches' of this run); readings behind it go to
-- late_rejections and are never merged. Of the on-time readings of each (meter, interval) the highest version wins,
-- then the latest arrival, then the highest delivery id; silver keeps its reading unless the winner is of a higher
-- version, or of the same version and arrived later. Implausible readings are kept with their quality flag. Each
-- reading keeps its delivery's read type and settlement run; a reconciliation run's delivery (R1, R2, R3, RF, DF:
-- SettlementRun.isReconciliation) restates a settled day and is exempt from the watermark.
-- Parameters: catalog, bronze_schema, silver_schema. The run_* tables are this run's working set, dropped at the end.

-- COMMAND ----------

SET TIME ZONE 'UTC';

-- COMMAND ----------

-- Meters: the latest registration of each MPAN. A meter keeps its integer key for good; new meters are numbered on
-- from the highest, in MPAN order. (Staged first: Spark 3.5 + Delta cannot plan a MERGE whose source reads the
-- target through a scalar subquery, "Table does not support reads".)
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_registrations') USING delta AS
SELECT r.mpan, r.gsp_group, r.customer_class, r.source_meter_id,
       CAST(coalesce(k.meter_id,
                     (SELECT coalesce(max(meter_id), 0) FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.meters'))
                     + row_number() OVER (PARTITION BY k.meter_id IS NULL ORDER BY r.mpan)) AS INT) AS meter_id
FROM (SELECT *, row_number() OVER (PARTITION BY mpan ORDER BY received_at_utc DESC) AS newest
      FROM IDENTIFIER(:catalog || '.' || :bronze_schema || '.meter_registrations')) AS r
LEFT JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS k ON k.mpan = r.mpan
WHERE r.newest = 1;

MERGE INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.run_registrations') AS n
ON m.mpan = n.mpan
WHEN MATCHED THEN UPDATE SET gsp_group = n.gsp_group, customer_class = n.customer_class, source_meter_id = n.source_meter_id
WHEN NOT MATCHED THEN INSERT (mpan, gsp_group, customer_class, source_meter_id, meter_id)
    VALUES (n.mpan, n.gsp_group, n.customer_class, n.source_meter_id, n.meter_id);

-- COMMAND ----------

-- The batches of this run: after the last one processed, up to the newest in bronze now (files Auto Loader adds while
-- this runs wait for the next run).
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_scope') USING delta AS
SELECT current_timestamp() AS started_at_utc,
       (SELECT coalesce(max(last_batch), -1) FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.pipeline_runs'))
           AS after_batch,
       (SELECT max(ingest_batch) FROM IDENTIFIER(:catalog || '.' || :bronze_schema || '.hh_deliveries')) AS up_to_batch;

-- COMMAND ----------

-- The readings of the new deliveries of registered meters, one row per non-missing period.
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming') USING delta AS
SELECT d.delivery_id, d.ingest_batch, d.mpan, k.meter_id, d.settlement_date,
       CAST(p.pos + 1 AS SMALLINT) AS settlement_period,
       timestampadd(MINUTE, 30 * p.pos, d.first_interval_utc) AS interval_start_utc,
       p.kwh, d.version, d.received_at_utc,
       -- The ceiling is ReadingFlag.CEILING_KWH (50 kWh in a half-hour).
       CASE WHEN p.kwh < 0 THEN 'negative' WHEN p.kwh > 50 THEN 'above_ceiling' END AS quality,
       d.read_type, d.settlement_run, coalesce(d.settlement_run IN ('R1', 'R2', 'R3', 'RF', 'DF'), false) AS restated
FROM IDENTIFIER(:catalog || '.' || :bronze_schema || '.hh_deliveries') AS d
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS k ON k.mpan = d.mpan
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.run_scope') AS s
    ON d.ingest_batch > s.after_batch AND d.ingest_batch <= s.up_to_batch
LATERAL VIEW posexplode(d.period_kwh) p AS pos, kwh
WHERE p.kwh IS NOT NULL;

-- COMMAND ----------

-- Each batch's watermark: the highest interval seen before it (silver's, then earlier batches'), minus 48 hours.
-- With nothing seen yet, 1970 stands for "no watermark" (MedallionPipeline uses year 1): no reading is that old, and
-- Delta refuses to write timestamps before 1900 without a calendar rebase setting.
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_watermarks') USING delta AS
WITH per_batch AS (
    SELECT ingest_batch, max(interval_start_utc) AS max_event
    FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming')
    GROUP BY ingest_batch
), seen AS (
    SELECT ingest_batch,
           greatest(coalesce(max(max_event) OVER (ORDER BY ingest_batch ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                             TIMESTAMP '1970-01-01 00:00:00'),
                    (SELECT coalesce(max(interval_start_utc), TIMESTAMP '1970-01-01 00:00:00')
                     FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings'))) AS seen_before
    FROM per_batch
)
SELECT ingest_batch, seen_before - INTERVAL 48 HOURS AS watermark_utc FROM seen;

-- COMMAND ----------

-- The winning on-time reading of each (meter, interval) of this run.
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_winners') USING delta AS
SELECT meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version, delivery_id, received_at_utc,
       quality, read_type, settlement_run
FROM (
    SELECT i.*, row_number() OVER (PARTITION BY i.meter_id, i.interval_start_utc
                                   ORDER BY i.version DESC, i.received_at_utc DESC, i.delivery_id DESC) AS rank
    FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming') AS i
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.run_watermarks') AS w ON w.ingest_batch = i.ingest_batch
    WHERE i.interval_start_utc >= w.watermark_utc OR i.restated
)
WHERE rank = 1;

-- COMMAND ----------

-- The run's counts, taken before silver changes (readings_upserted: winners new to silver or newer than its reading).
CREATE OR REPLACE TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.run_summary') USING delta AS
SELECT (SELECT started_at_utc FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_scope')) AS started_at_utc,
       (SELECT min(ingest_batch) FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming')) AS first_batch,
       (SELECT max(ingest_batch) FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming')) AS last_batch,
       (SELECT count(*) FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming')) AS readings_in,
       (SELECT count(*)
        FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming') AS i
        JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.run_watermarks') AS w ON w.ingest_batch = i.ingest_batch
        WHERE i.interval_start_utc < w.watermark_utc AND NOT i.restated) AS readings_late,
       (SELECT count(*)
        FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_winners') AS a
        LEFT JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS s
            ON s.meter_id = a.meter_id AND s.interval_start_utc = a.interval_start_utc
        WHERE s.meter_id IS NULL OR a.version > s.version
              OR (a.version = s.version AND a.received_at_utc > s.received_at_utc)) AS readings_upserted;

-- COMMAND ----------

INSERT INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.late_rejections')
SELECT i.mpan, i.settlement_date, i.settlement_period, i.interval_start_utc, i.kwh, i.version, i.delivery_id,
       i.ingest_batch, i.received_at_utc, w.watermark_utc
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming') AS i
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.run_watermarks') AS w ON w.ingest_batch = i.ingest_batch
WHERE i.interval_start_utc < w.watermark_utc AND NOT i.restated;

-- COMMAND ----------

MERGE INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS s
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.run_winners') AS a
ON s.meter_id = a.meter_id AND s.interval_start_utc = a.interval_start_utc
WHEN MATCHED AND (a.version > s.version OR (a.version = s.version AND a.received_at_utc > s.received_at_utc))
    THEN UPDATE SET kwh = a.kwh, version = a.version, delivery_id = a.delivery_id,
                    received_at_utc = a.received_at_utc, quality = a.quality, read_type = a.read_type,
                    settlement_run = a.settlement_run
WHEN NOT MATCHED THEN
    INSERT (meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version, delivery_id,
            received_at_utc, quality, read_type, settlement_run)
    VALUES (a.meter_id, a.settlement_date, a.settlement_period, a.interval_start_utc, a.kwh, a.version,
            a.delivery_id, a.received_at_utc, a.quality, a.read_type, a.settlement_run);

-- COMMAND ----------

-- Gold refreshes every settlement date a new delivery of a registered meter touched, late or not.
INSERT INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates')
SELECT DISTINCT d.settlement_date
FROM IDENTIFIER(:catalog || '.' || :bronze_schema || '.hh_deliveries') AS d
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS k ON k.mpan = d.mpan
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.run_scope') AS s
    ON d.ingest_batch > s.after_batch AND d.ingest_batch <= s.up_to_batch
WHERE d.settlement_date NOT IN
      (SELECT settlement_date FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates'));

-- COMMAND ----------

-- The settlement calendar of the pending dates: a day's periods are its length in Europe/London (23, 24 or 25 hours)
-- in half-hours; its first interval starts at London midnight, in UTC.
INSERT INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.settlement_days')
SELECT day,
       CAST((unix_timestamp(to_utc_timestamp(CAST(date_add(day, 1) AS TIMESTAMP), 'Europe/London'))
             - unix_timestamp(to_utc_timestamp(CAST(day AS TIMESTAMP), 'Europe/London'))) / 1800 AS SMALLINT),
       to_utc_timestamp(CAST(day AS TIMESTAMP), 'Europe/London')
FROM (SELECT explode(sequence(min(settlement_date), max(settlement_date))) AS day
      FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates'))
WHERE day NOT IN (SELECT settlement_date FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.settlement_days'));

-- COMMAND ----------

INSERT INTO IDENTIFIER(:catalog || '.' || :silver_schema || '.pipeline_runs')
SELECT CAST((SELECT coalesce(max(run_id), 0) + 1 FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.pipeline_runs'))
            AS INT),
       started_at_utc, current_timestamp(), first_batch, last_batch, readings_in, readings_upserted, readings_late,
       readings_in - readings_late - readings_upserted
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.run_summary');

-- COMMAND ----------

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_registrations');

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_scope');

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_incoming');

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_watermarks');

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_winners');

DROP TABLE IF EXISTS IDENTIFIER(:catalog || '.' || :silver_schema || '.run_summary');
