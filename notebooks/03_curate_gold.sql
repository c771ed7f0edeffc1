-- Databricks notebook source
-- Silver → gold for every settlement date silver marked as pending (02_transform_silver), as the workbench's
-- MedallionPipeline refreshes its gold: each date's rows are replaced whole, so a rerun changes nothing. Sums and
-- counts of consumption take plausible readings only (quality NULL); flagged ones are counted apart and listed in
-- flagged_readings. A day has 46, 48 or 50 periods (silver settlement_days). Parameters: catalog, bronze_schema,
-- silver_schema, schema, secret_scope.

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

-- One row per meter-day with any reading: periods expected (46/48/50) against periods read, and of the plausible
-- readings those on estimated reads and the kWh on actual reads (an unknown read type is neither).
MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily')
SELECT r.meter_id, m.gsp_group, r.settlement_date, d.periods,
       CAST(count_if(r.quality IS NULL) AS SMALLINT),
       coalesce(sum(CASE WHEN r.quality IS NULL THEN r.kwh END), CAST(0 AS DOUBLE)),
       CAST(count_if(r.quality IS NOT NULL) AS SMALLINT),
       CAST(count_if(r.quality IS NULL AND r.read_type = 'estimated') AS SMALLINT),
       coalesce(sum(CASE WHEN r.quality IS NULL AND r.read_type = 'actual' THEN r.kwh END), CAST(0 AS DOUBLE))
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

-- Data quality per settlement day and GSP group, as MedallionPipeline computes it: the meter-days delivered (registered
-- meters, on time or late) owe 46/48/50 periods each; what silver holds of them, flagged, estimated and on actual reads;
-- deliveries, duplicate deliveries (a version of the meter-day delivered again), superseded versions (below the version
-- silver holds) and readings the watermark rejected. Bronze is read per delivery (never exploded), counted per version.
MERGE INTO IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily') AS g
USING IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p
ON g.settlement_date = p.settlement_date
WHEN MATCHED THEN DELETE;

INSERT INTO IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily')
WITH held AS (
    SELECT r.meter_id, r.settlement_date, count(*) AS periods_received, count_if(r.quality IS NOT NULL) AS periods_flagged,
           count_if(r.quality IS NULL AND r.read_type = 'estimated') AS periods_estimated,
           coalesce(sum(CASE WHEN r.quality IS NULL THEN r.kwh END), CAST(0 AS DOUBLE)) AS kwh_total,
           coalesce(sum(CASE WHEN r.quality IS NULL AND r.read_type = 'actual' THEN r.kwh END), CAST(0 AS DOUBLE))
               AS kwh_actual,
           max(r.version) AS version_held
    FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.hh_readings') AS r
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = r.settlement_date
    GROUP BY r.meter_id, r.settlement_date
), versions AS (
    SELECT b.mpan, b.settlement_date, b.version, count(*) AS copies
    FROM IDENTIFIER(:catalog || '.' || :bronze_schema || '.hh_deliveries') AS b
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = b.settlement_date
    GROUP BY b.mpan, b.settlement_date, b.version
), delivered AS (
    SELECT k.meter_id, k.gsp_group, b.settlement_date, sum(b.copies) AS deliveries,
           sum(b.copies - 1) AS duplicate_deliveries, count_if(b.version < h.version_held) AS superseded_versions
    FROM versions AS b
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS k ON k.mpan = b.mpan
    LEFT JOIN held AS h ON h.meter_id = k.meter_id AND h.settlement_date = b.settlement_date
    GROUP BY k.meter_id, k.gsp_group, b.settlement_date
), late AS (
    SELECT l.settlement_date, m.gsp_group, count(*) AS readings_late
    FROM IDENTIFIER(:catalog || '.' || :silver_schema || '.late_rejections') AS l
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') AS m ON m.mpan = l.mpan
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.gold_pending_dates') AS p ON p.settlement_date = l.settlement_date
    GROUP BY l.settlement_date, m.gsp_group
), per_group AS (
    SELECT v.settlement_date, v.gsp_group, d.periods, CAST(count(*) AS INT) AS meter_days,
           count(*) * d.periods AS periods_expected,
           coalesce(sum(h.periods_received), 0) AS periods_received, coalesce(sum(h.periods_flagged), 0) AS periods_flagged,
           coalesce(sum(h.periods_estimated), 0) AS periods_estimated,
           CAST(count_if(h.periods_estimated > 0) AS INT) AS meter_days_estimated,
           coalesce(sum(h.kwh_total), CAST(0 AS DOUBLE)) AS kwh_total,
           coalesce(sum(h.kwh_actual), CAST(0 AS DOUBLE)) AS kwh_actual,
           sum(v.deliveries) AS deliveries, sum(v.duplicate_deliveries) AS duplicate_deliveries,
           sum(v.superseded_versions) AS superseded_versions
    FROM delivered AS v
    JOIN IDENTIFIER(:catalog || '.' || :silver_schema || '.settlement_days') AS d ON d.settlement_date = v.settlement_date
    LEFT JOIN held AS h ON h.meter_id = v.meter_id AND h.settlement_date = v.settlement_date
    GROUP BY v.settlement_date, v.gsp_group, d.periods
)
SELECT g.settlement_date, g.gsp_group, g.periods, g.meter_days, g.periods_expected, g.periods_received,
       g.periods_flagged, g.periods_estimated, g.meter_days_estimated, g.kwh_total, g.kwh_actual, g.deliveries,
       g.duplicate_deliveries, g.superseded_versions, coalesce(l.readings_late, 0)
FROM per_group AS g
LEFT JOIN late AS l ON l.settlement_date = g.settlement_date AND l.gsp_group = g.gsp_group;

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
