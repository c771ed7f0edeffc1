-- Databricks notebook source
-- Silver → gold for every settlement date silver marked as pending (02_transform_silver), as the workbench's
-- MedallionPipeline refreshes its gold: each date's rows are replaced whole, so a rerun changes nothing. Sums and
-- counts of consumption take plausible readings only (quality NULL); flagged ones are counted apart and listed in
-- flagged_readings. A day has 46, 48 or 50 periods (silver settlement_days). Parameters: catalog, silver_schema, schema.

-- COMMAND ----------

SET TIME ZONE 'UTC';

-- COMMAND ----------

MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_half_hourly') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_half_hourly')
SELECT m.mpan, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS r
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m ON m.meter_id = r.meter_id
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = r.settlement_date
WHERE r.quality IS NULL;

-- COMMAND ----------

MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.flagged_readings') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.flagged_readings')
SELECT m.mpan, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh, r.quality
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS r
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m ON m.meter_id = r.meter_id
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = r.settlement_date
WHERE r.quality IS NOT NULL;

-- COMMAND ----------

-- One row per meter-day with any reading: periods expected (46/48/50) against periods read.
MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily')
SELECT r.meter_id, m.gsp_group, r.settlement_date, d.periods,
       CAST(count_if(r.quality IS NULL) AS SMALLINT),
       coalesce(sum(CASE WHEN r.quality IS NULL THEN r.kwh END), CAST(0 AS DOUBLE)),
       CAST(count_if(r.quality IS NOT NULL) AS SMALLINT)
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS r
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m ON m.meter_id = r.meter_id
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.settlement_days') AS d ON d.settlement_date = r.settlement_date
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = r.settlement_date
GROUP BY r.meter_id, m.gsp_group, r.settlement_date, d.periods;

-- COMMAND ----------

MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly')
SELECT m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, CAST(count(*) AS INT), sum(r.kwh)
FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS r
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m ON m.meter_id = r.meter_id
JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = r.settlement_date
WHERE r.quality IS NULL
GROUP BY m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc;

-- COMMAND ----------

DELETE FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates');
