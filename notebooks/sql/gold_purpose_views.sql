-- Purpose views over the gold tables: the one relation each purpose role reads, with the same names and columns as
-- the local workspace's (data-access .../workspace/schema.sql). The named parameters :catalog and :schema are the Unity
-- Catalog catalog and gold schema (job parameters from the bundle's variables); grant each purpose's group SELECT on
-- its views only (04_unity_catalog_governance).
-- Statements end with a semicolon at the end of a line; the provider peer integration tests run this file, binding the
-- two parameters (NotebookSql).

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.consumption_curated') AS
SELECT m.mpan_pseudonym, c.gsp_group, c.settlement_date, c.settlement_period, c.interval_start_utc, c.kwh
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_half_hourly') c JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON c.mpan = m.mpan;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.anomalies_curated') AS
SELECT a.anomaly_id, m.mpan_pseudonym, a.gsp_group, a.anomaly_type, a.severity, a.score, a.settlement_date,
       a.interval_start_utc, a.interval_end_utc, a.expected_kwh, a.actual_kwh, a.reason, a.detector, a.learned_score
FROM IDENTIFIER(:catalog || '.' || :schema || '.anomalies') a JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON a.mpan = m.mpan;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_half_hourly') AS
SELECT c.mpan, m.mpan_pseudonym, c.gsp_group, c.settlement_date, c.settlement_period, c.interval_start_utc, c.kwh
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_half_hourly') c JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON c.mpan = m.mpan;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_half_hourly') AS
SELECT mpan_pseudonym, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_curated');

-- Research sees GSP groups of at least 10 meters only (PurposeRole.RESEARCH.minimumGroupSize()).
CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_research_gsp_half_hourly') AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly')
WHERE meter_count >= 10;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_research_population') AS
SELECT gsp_group, CAST(count(*) AS INT) AS meter_count
FROM IDENTIFIER(:catalog || '.' || :schema || '.meters') GROUP BY gsp_group
HAVING count(*) >= 10;

-- Rollups for the meter-seeing purposes: all meters and GSP groups from the GSP-group table, which meters read when
-- from the daily table (the workbench never scans every reading to answer those).
CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_gsp_half_hourly') AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_gsp_half_hourly') AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_gsp_half_hourly') AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_gsp_half_hourly');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_meter_daily') AS
SELECT m.mpan, m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') d JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON d.meter_id = m.meter_id
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_meter_daily') AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') d JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON d.meter_id = m.meter_id
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_meter_daily') AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') d JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON d.meter_id = m.meter_id
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_half_hourly') AS
SELECT mpan_pseudonym, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_curated');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_anomalies') AS
SELECT a.anomaly_id, a.mpan, m.mpan_pseudonym, a.gsp_group, a.anomaly_type, a.severity, a.score, a.settlement_date,
       a.interval_start_utc, a.interval_end_utc, a.expected_kwh, a.actual_kwh, a.reason, a.detector, a.learned_score
FROM IDENTIFIER(:catalog || '.' || :schema || '.anomalies') a JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON a.mpan = m.mpan;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_anomalies') AS
SELECT anomaly_id, mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date, interval_start_utc,
       interval_end_utc, expected_kwh, actual_kwh, reason, detector, learned_score
FROM IDENTIFIER(:catalog || '.' || :schema || '.anomalies_curated');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_research_anomaly_summary') AS
SELECT gsp_group, anomaly_type, severity, settlement_date, detector, CAST(count(*) AS INT) AS anomaly_count
FROM IDENTIFIER(:catalog || '.' || :schema || '.anomalies')
GROUP BY gsp_group, anomaly_type, severity, settlement_date, detector;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_anomalies') AS
SELECT anomaly_id, mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date, interval_start_utc,
       interval_end_utc, expected_kwh, actual_kwh, reason, detector, learned_score
FROM IDENTIFIER(:catalog || '.' || :schema || '.anomalies_curated');

-- Data quality per settlement day and GSP group for each purpose (the rollup holds no meter identity). Research sees
-- the groups with at least 10 meters delivering that day, like its other views.
CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_data_quality') AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_data_quality') AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily');

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_research_data_quality') AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM IDENTIFIER(:catalog || '.' || :schema || '.data_quality_daily')
WHERE meter_days >= 10;

-- The drill-down to meter-days: raw MPANs for Settlement, pseudonyms for Market monitoring, none for Research.
CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_meter_day_quality') AS
SELECT m.mpan, m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_expected, d.periods_read, d.periods_flagged,
       d.periods_estimated, d.kwh_total, d.kwh_actual
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') d JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON d.meter_id = m.meter_id;

CREATE OR REPLACE VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_meter_day_quality') AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_expected, d.periods_read, d.periods_flagged,
       d.periods_estimated, d.kwh_total, d.kwh_actual
FROM IDENTIFIER(:catalog || '.' || :schema || '.consumption_daily') d JOIN IDENTIFIER(:catalog || '.' || :schema || '.meters') m ON d.meter_id = m.meter_id;
