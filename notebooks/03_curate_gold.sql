-- Databricks notebook source
-- Silver → gold for every settlement date silver marked as pending (02_transform_silver), as the workbench's
-- MedallionPipeline refreshes its gold: each date's rows are replaced whole, so a rerun changes nothing. Sums and
-- counts of consumption take plausible readings only (quality NULL); flagged ones are counted apart and listed in
-- flagged_readings. A day has 46, 48 or 50 periods (silver settlement_days). Parameters: catalog, silver_schema, schema,
-- secret_scope.

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

-- The meter dimension with keyed pseudonyms: 'P' + the first 16 lowercase hex characters of HMAC-SHA-256 of the MPAN
-- under the workbench's pseudonym key (MpanPseudonymiser), which lives in the secret scope only, base64-encoded. The
-- regions are GspGroup's. (hmac() needs Databricks SQL or Databricks Runtime 19+.)
MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.meters') AS g
USING (
    SELECT m.mpan,
           'P' || lower(substr(hex(hmac(unbase64(secret(:secret_scope, 'mpan-pseudonym-key')), CAST(m.mpan AS BINARY))),
                               1, 16)) AS mpan_pseudonym,
           m.gsp_group,
           CASE m.gsp_group
                WHEN '_A' THEN 'Eastern England'
                WHEN '_B' THEN 'East Midlands'
                WHEN '_C' THEN 'London'
                WHEN '_D' THEN 'Merseyside & North Wales'
                WHEN '_E' THEN 'West Midlands'
                WHEN '_F' THEN 'North East England'
                WHEN '_G' THEN 'North West England'
                WHEN '_H' THEN 'Southern England'
                WHEN '_J' THEN 'South East England'
                WHEN '_K' THEN 'South Wales'
                WHEN '_L' THEN 'South West England'
                WHEN '_M' THEN 'Yorkshire'
                WHEN '_N' THEN 'South Scotland'
                WHEN '_P' THEN 'North Scotland'
                ELSE 'Unknown' END AS region,
           m.customer_class, m.meter_id
    FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m
) AS n
ON g.meter_id = n.meter_id
WHEN MATCHED THEN UPDATE SET mpan = n.mpan, mpan_pseudonym = n.mpan_pseudonym, gsp_group = n.gsp_group,
                             region = n.region, customer_class = n.customer_class
WHEN NOT MATCHED THEN INSERT (mpan, mpan_pseudonym, gsp_group, region, customer_class, meter_id)
    VALUES (n.mpan, n.mpan_pseudonym, n.gsp_group, n.region, n.customer_class, n.meter_id);

-- COMMAND ----------

DELETE FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates');
