-- Local workspace layout. Gold follows gold-contract.json, the contract the Databricks notebooks build too.
-- Times are UTC (TIMESTAMP without zone, named *_utc); settlement dates are Europe/London days.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS bronze;
CREATE SCHEMA IF NOT EXISTS silver;
CREATE SCHEMA IF NOT EXISTS gold;
CREATE SCHEMA IF NOT EXISTS evaluation;

CREATE TABLE IF NOT EXISTS meta.workspace_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Registrations as a registration service sends them; the latest per MPAN wins.
CREATE TABLE IF NOT EXISTS bronze.meter_registrations (
    mpan            VARCHAR   NOT NULL,
    gsp_group       VARCHAR   NOT NULL,
    customer_class  VARCHAR   NOT NULL,
    source_meter_id VARCHAR,
    source          VARCHAR   NOT NULL,
    received_at_utc TIMESTAMP NOT NULL
);

-- One delivery = one MPAN's settlement day as a data service sends it: a value per period (46, 48 or 50),
-- NULL where a period is missing. Feeds repeat deliveries, re-publish corrected versions and arrive late.
-- read_type: actual or estimated (NULL: the source does not say); settlement_run: the run whose data it is (SF, or a
-- reconciliation R1, R2, R3, RF, DF restating the day; NULL: the source names none). A reconciliation run's delivery is
-- a scheduled restatement, not a straggler: the watermark does not apply to it.
CREATE TABLE IF NOT EXISTS bronze.hh_deliveries (
    delivery_id        BIGINT    NOT NULL,
    ingest_batch       INTEGER   NOT NULL,
    mpan               VARCHAR   NOT NULL,
    settlement_date    DATE      NOT NULL,
    first_interval_utc TIMESTAMP NOT NULL,
    period_kwh         DOUBLE[]  NOT NULL,
    version            INTEGER   NOT NULL,
    received_at_utc    TIMESTAMP NOT NULL,
    source             VARCHAR   NOT NULL,
    read_type          VARCHAR,
    settlement_run     VARCHAR
);
-- Workspaces from before read types were kept gain the columns on open (their deliveries say nothing).
ALTER TABLE bronze.hh_deliveries ADD COLUMN IF NOT EXISTS read_type VARCHAR;
ALTER TABLE bronze.hh_deliveries ADD COLUMN IF NOT EXISTS settlement_run VARCHAR;

-- The meter dimension: the only silver table that holds the MPAN. meter_id is the integer key every reading and
-- rollup carries instead (assigned at registration, never reused); joins and groups on it are several times cheaper
-- than on a 13-character MPAN (issue 12). Pseudonyms are not stored in this file at all (see gold.meters).
CREATE TABLE IF NOT EXISTS silver.meters (
    mpan            VARCHAR PRIMARY KEY,
    gsp_group       VARCHAR NOT NULL,
    customer_class  VARCHAR NOT NULL,
    source_meter_id VARCHAR,
    meter_id        INTEGER NOT NULL
);

-- The latest version of every (meter, interval), maintained by upsert. kwh is the value as recorded; quality is NULL
-- for a plausible reading and names the flag (negative, above_ceiling) of an implausible one, which is kept for the
-- detectors but never counted: gold's half-hourly view and aggregates take plausible readings only.
CREATE TABLE IF NOT EXISTS silver.hh_readings (
    meter_id           INTEGER   NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    kwh                DOUBLE    NOT NULL,
    version            INTEGER   NOT NULL,
    delivery_id        BIGINT    NOT NULL,
    received_at_utc    TIMESTAMP NOT NULL,
    quality            VARCHAR,
    read_type          VARCHAR,
    settlement_run     VARCHAR
);
-- Workspaces built before readings were flagged gain the column on open (their readings count as plausible).
ALTER TABLE silver.hh_readings ADD COLUMN IF NOT EXISTS quality VARCHAR;
-- Read type and settlement run come from the winning delivery; older workspaces' readings have neither (unknown).
ALTER TABLE silver.hh_readings ADD COLUMN IF NOT EXISTS read_type VARCHAR;
ALTER TABLE silver.hh_readings ADD COLUMN IF NOT EXISTS settlement_run VARCHAR;

-- Readings that arrived after the watermark of their batch: kept for data quality, never merged.
CREATE TABLE IF NOT EXISTS silver.late_rejections (
    mpan               VARCHAR   NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    kwh                DOUBLE    NOT NULL,
    version            INTEGER   NOT NULL,
    delivery_id        BIGINT    NOT NULL,
    ingest_batch       INTEGER   NOT NULL,
    received_at_utc    TIMESTAMP NOT NULL,
    watermark_utc      TIMESTAMP NOT NULL
);

-- The settlement calendar for the dates in silver: 46, 48 or 50 periods, computed in Java through Europe/London.
CREATE TABLE IF NOT EXISTS silver.settlement_days (
    settlement_date    DATE      PRIMARY KEY,
    periods            SMALLINT  NOT NULL,
    first_interval_utc TIMESTAMP NOT NULL
);

-- Settlement dates changed in silver whose gold rows are not refreshed yet. Silver and gold commit together, so
-- this is empty between runs; a workspace from before that may still list dates, refreshed by the next run.
CREATE TABLE IF NOT EXISTS silver.gold_pending_dates (
    settlement_date DATE PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS silver.pipeline_runs (
    run_id             INTEGER   NOT NULL,
    started_at_utc     TIMESTAMP NOT NULL,
    finished_at_utc    TIMESTAMP NOT NULL,
    first_batch        INTEGER,
    last_batch         INTEGER,
    readings_in        BIGINT    NOT NULL,
    readings_upserted  BIGINT    NOT NULL,
    readings_late      BIGINT    NOT NULL,
    readings_superseded BIGINT   NOT NULL
);

-- The meter dimension as gold.meters: each meter with its keyed pseudonym. The pseudonyms are computed with the
-- workspace key when the workspace is opened and held in memory only (keyed.pseudonyms, an in-memory database the
-- workbench attaches), never written to this file: a copy of the file without its key pairs no MPAN with its
-- pseudonym, and the view does not even open there.
CREATE OR REPLACE VIEW gold.meters AS
SELECT m.mpan, p.mpan_pseudonym, m.gsp_group, CASE m.gsp_group ${region_arms} END AS region, m.customer_class,
       m.meter_id
FROM silver.meters m JOIN keyed.pseudonyms p USING (meter_id);

-- periods_read and kwh_total count plausible readings; periods_flagged the implausible ones kept beside them.
CREATE TABLE IF NOT EXISTS gold.consumption_daily (
    meter_id         INTEGER  NOT NULL,
    gsp_group        VARCHAR  NOT NULL,
    settlement_date  DATE     NOT NULL,
    periods_expected SMALLINT NOT NULL,
    periods_read     SMALLINT NOT NULL,
    kwh_total        DOUBLE   NOT NULL,
    periods_flagged  SMALLINT NOT NULL DEFAULT 0,
    periods_estimated SMALLINT NOT NULL DEFAULT 0,
    kwh_actual       DOUBLE   NOT NULL DEFAULT 0
);
-- (Older workspaces gain it on open; DuckDB cannot add a NOT NULL column, so there it is nullable, filled with 0.)
ALTER TABLE gold.consumption_daily ADD COLUMN IF NOT EXISTS periods_flagged SMALLINT DEFAULT 0;
-- periods_estimated: plausible readings on estimated reads; kwh_actual: plausible kWh on actual reads (an unknown read
-- type is not actual, so an older workspace's days show no actual energy until they are rebuilt).
ALTER TABLE gold.consumption_daily ADD COLUMN IF NOT EXISTS periods_estimated SMALLINT DEFAULT 0;
ALTER TABLE gold.consumption_daily ADD COLUMN IF NOT EXISTS kwh_actual DOUBLE DEFAULT 0;

-- Data quality per settlement day and GSP group, refreshed with the other rollups: meter-days delivered (on time or
-- late) and the periods they owe (46/48/50 each), periods held, flagged and estimated, energy on actual reads,
-- deliveries, duplicate deliveries (a version of the meter-day delivered again), superseded versions (below the version
-- silver holds) and readings rejected by the watermark. Registered meters only.
CREATE TABLE IF NOT EXISTS gold.data_quality_daily (
    settlement_date      DATE     NOT NULL,
    gsp_group            VARCHAR  NOT NULL,
    periods_in_day       SMALLINT NOT NULL,
    meter_days           INTEGER  NOT NULL,
    periods_expected     BIGINT   NOT NULL,
    periods_received     BIGINT   NOT NULL,
    periods_flagged      BIGINT   NOT NULL,
    periods_estimated    BIGINT   NOT NULL,
    meter_days_estimated INTEGER  NOT NULL,
    kwh_total            DOUBLE   NOT NULL,
    kwh_actual           DOUBLE   NOT NULL,
    deliveries           BIGINT   NOT NULL,
    duplicate_deliveries BIGINT   NOT NULL,
    superseded_versions  BIGINT   NOT NULL,
    readings_late        BIGINT   NOT NULL
);

CREATE TABLE IF NOT EXISTS gold.consumption_gsp_half_hourly (
    gsp_group          VARCHAR   NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    meter_count        INTEGER   NOT NULL,
    kwh_total          DOUBLE    NOT NULL
);

-- Detections (rule-based or learned); empty until something scores the workspace.
${gold_anomalies}

-- Ground truth of injected anomalies, for evaluation only: never read by a purpose view.
CREATE TABLE IF NOT EXISTS evaluation.anomaly_labels (
    label_id     INTEGER   NOT NULL,
    mpan         VARCHAR   NOT NULL,
    gsp_group    VARCHAR   NOT NULL,
    anomaly_type VARCHAR   NOT NULL,
    pattern      VARCHAR   NOT NULL,
    start_utc    TIMESTAMP NOT NULL,
    end_utc      TIMESTAMP NOT NULL,
    magnitude    DOUBLE    NOT NULL,
    description  VARCHAR   NOT NULL
);

-- Half-hourly gold is silver's latest versions with the meter's GSP group: a projection, so a view rather than a
-- second copy of every reading (the copy doubled the time to build a workspace and added nothing).
CREATE OR REPLACE VIEW gold.consumption_half_hourly AS
SELECT m.mpan, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh
FROM silver.hh_readings r JOIN silver.meters m USING (meter_id)
WHERE r.quality IS NULL;

-- Readings kept but flagged as implausible, with the value the meter sent: for the detectors and the Settlement
-- purpose, never summed with consumption.
CREATE OR REPLACE VIEW gold.flagged_readings AS
SELECT m.mpan, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh AS recorded_kwh,
       r.quality
FROM silver.hh_readings r JOIN silver.meters m USING (meter_id)
WHERE r.quality IS NOT NULL;

-- Shared (curated) relations: pseudonyms only.
-- The per-meter views read silver's readings through the integer meter key, not the MPAN, and the pseudonyms the
-- workbench holds in memory (see gold.meters).
CREATE OR REPLACE VIEW gold.consumption_curated AS
SELECT p.mpan_pseudonym, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh
FROM silver.hh_readings r JOIN silver.meters m USING (meter_id) JOIN keyed.pseudonyms p USING (meter_id)
WHERE r.quality IS NULL;

CREATE OR REPLACE VIEW gold.anomalies_curated AS
SELECT a.anomaly_id, m.mpan_pseudonym, a.gsp_group, a.anomaly_type, a.severity, a.score, a.settlement_date,
       a.interval_start_utc, a.interval_end_utc, a.expected_kwh, a.actual_kwh, a.reason, a.detector, a.learned_score
FROM gold.anomalies a JOIN gold.meters m USING (mpan);

-- One view per purpose role.
CREATE OR REPLACE VIEW gold.v_settlement_half_hourly AS
SELECT m.mpan, p.mpan_pseudonym, m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh
FROM silver.hh_readings r JOIN silver.meters m USING (meter_id) JOIN keyed.pseudonyms p USING (meter_id)
WHERE r.quality IS NULL;

CREATE OR REPLACE VIEW gold.v_market_monitoring_half_hourly AS
SELECT mpan_pseudonym, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM gold.consumption_curated;

CREATE OR REPLACE VIEW gold.v_research_gsp_half_hourly AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM gold.consumption_gsp_half_hourly
WHERE meter_count >= ${research_min_group};

CREATE OR REPLACE VIEW gold.v_research_population AS
SELECT gsp_group, count(*)::INTEGER AS meter_count
FROM gold.meters GROUP BY gsp_group
HAVING count(*) >= ${research_min_group};

-- Rollups for the meter-seeing purposes (issue 12): every question about all meters or one GSP group is answered
-- from the GSP-group rollup the pipeline maintains (a few thousand rows a day, not one per reading), and which meters
-- read when from the meter-day rollup. meter_count is the readings summed, as in the per-meter view.
CREATE OR REPLACE VIEW gold.v_settlement_gsp_half_hourly AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM gold.consumption_gsp_half_hourly;

CREATE OR REPLACE VIEW gold.v_market_monitoring_gsp_half_hourly AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM gold.consumption_gsp_half_hourly;

CREATE OR REPLACE VIEW gold.v_recipient_gsp_half_hourly AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, meter_count, kwh_total
FROM gold.consumption_gsp_half_hourly;

CREATE OR REPLACE VIEW gold.v_settlement_meter_daily AS
SELECT m.mpan, m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id)
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW gold.v_market_monitoring_meter_daily AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id)
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW gold.v_recipient_meter_daily AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_read, d.kwh_total
FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id)
WHERE d.periods_read > 0;

CREATE OR REPLACE VIEW gold.v_recipient_half_hourly AS
SELECT mpan_pseudonym, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM gold.consumption_curated;

CREATE OR REPLACE VIEW gold.v_settlement_anomalies AS
SELECT a.anomaly_id, a.mpan, m.mpan_pseudonym, a.gsp_group, a.anomaly_type, a.severity, a.score, a.settlement_date,
       a.interval_start_utc, a.interval_end_utc, a.expected_kwh, a.actual_kwh, a.reason, a.detector, a.learned_score
FROM gold.anomalies a JOIN gold.meters m USING (mpan);

CREATE OR REPLACE VIEW gold.v_market_monitoring_anomalies AS
SELECT anomaly_id, mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date, interval_start_utc,
       interval_end_utc, expected_kwh, actual_kwh, reason, detector, learned_score
FROM gold.anomalies_curated;

CREATE OR REPLACE VIEW gold.v_research_anomaly_summary AS
SELECT gsp_group, anomaly_type, severity, settlement_date, detector, count(*)::INTEGER AS anomaly_count
FROM gold.anomalies
GROUP BY ALL;

CREATE OR REPLACE VIEW gold.v_recipient_anomalies AS
SELECT anomaly_id, mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date, interval_start_utc,
       interval_end_utc, expected_kwh, actual_kwh, reason, detector, learned_score
FROM gold.anomalies_curated;

-- Data quality per settlement day and GSP group for each purpose (the rollup holds no meter identity); Research sees
-- the groups with at least the minimum number of meters delivering that day, like its other views.
CREATE OR REPLACE VIEW gold.v_settlement_data_quality AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM gold.data_quality_daily;

CREATE OR REPLACE VIEW gold.v_market_monitoring_data_quality AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM gold.data_quality_daily;

CREATE OR REPLACE VIEW gold.v_research_data_quality AS
SELECT settlement_date, gsp_group, periods_in_day, meter_days, periods_expected, periods_received, periods_flagged,
       periods_estimated, meter_days_estimated, kwh_total, kwh_actual, deliveries, duplicate_deliveries,
       superseded_versions, readings_late
FROM gold.data_quality_daily
WHERE meter_days >= ${research_min_group};

-- The drill-down to meter-days, from the meter-day rollup: the raw MPAN for Settlement, pseudonyms for Market
-- monitoring; Research has none.
CREATE OR REPLACE VIEW gold.v_settlement_meter_day_quality AS
SELECT m.mpan, m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_expected, d.periods_read, d.periods_flagged,
       d.periods_estimated, d.kwh_total, d.kwh_actual
FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id);

CREATE OR REPLACE VIEW gold.v_market_monitoring_meter_day_quality AS
SELECT m.mpan_pseudonym, d.gsp_group, d.settlement_date, d.periods_expected, d.periods_read, d.periods_flagged,
       d.periods_estimated, d.kwh_total, d.kwh_actual
FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id);

-- Governance, described for the governance tab as Unity Catalog describes the provider's: who may read each purpose
-- view and how the views restrict what they show. The restrictions ARE the view definitions above; these rows say
-- truthfully what those definitions do. Seeded with INSERT OR IGNORE because this file runs on every open.
${governance_tables}

${market_tables}

-- Each purpose's group may use the gold schema and read its own views, and nothing else.
INSERT OR IGNORE INTO meta.grants VALUES
    ('settlement-analysts', 'USE SCHEMA', 'SCHEMA', 'gold'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_half_hourly'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_anomalies'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_gsp_half_hourly'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_meter_daily'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_data_quality'),
    ('settlement-analysts', 'SELECT', 'VIEW', 'gold.v_settlement_meter_day_quality'),
    ('market-monitoring', 'USE SCHEMA', 'SCHEMA', 'gold'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_half_hourly'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_anomalies'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_gsp_half_hourly'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_meter_daily'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_data_quality'),
    ('market-monitoring', 'SELECT', 'VIEW', 'gold.v_market_monitoring_meter_day_quality'),
    ('research', 'USE SCHEMA', 'SCHEMA', 'gold'),
    ('research', 'SELECT', 'VIEW', 'gold.v_research_gsp_half_hourly'),
    ('research', 'SELECT', 'VIEW', 'gold.v_research_population'),
    ('research', 'SELECT', 'VIEW', 'gold.v_research_anomaly_summary'),
    ('research', 'SELECT', 'VIEW', 'gold.v_research_data_quality'),
    ('recipients', 'USE SCHEMA', 'SCHEMA', 'gold'),
    ('recipients', 'SELECT', 'VIEW', 'gold.v_recipient_half_hourly'),
    ('recipients', 'SELECT', 'VIEW', 'gold.v_recipient_anomalies'),
    ('recipients', 'SELECT', 'VIEW', 'gold.v_recipient_gsp_half_hourly'),
    ('recipients', 'SELECT', 'VIEW', 'gold.v_recipient_meter_daily');

-- The pseudonymous views show mpan_pseudonym in place of the MPAN: "P" + 16 hex characters of HMAC-SHA-256 of
-- gold.meters.mpan under the workspace key, computed in Java at registration (the key never enters the database).
-- Settlement views carry the raw MPAN unmasked; Research views carry no meter identity at all.
INSERT OR IGNORE INTO meta.column_masks VALUES
    ('gold.consumption_curated', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.anomalies_curated', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_market_monitoring_half_hourly', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_market_monitoring_anomalies', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_recipient_half_hourly', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_recipient_anomalies', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_market_monitoring_meter_daily', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_recipient_meter_daily', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan'),
    ('gold.v_market_monitoring_meter_day_quality', 'mpan_pseudonym', 'hmac_sha256_pseudonym', 'gold.meters.mpan');

-- The Research views' WHERE and HAVING clauses: groups below the minimum group size are never shown.
INSERT OR IGNORE INTO meta.row_filters VALUES
    ('gold.v_research_gsp_half_hourly', 'meter_count >= ${research_min_group}', 'meter_count'),
    ('gold.v_research_population', 'count(*) >= ${research_min_group} per gsp_group', 'gsp_group'),
    ('gold.v_research_data_quality', 'meter_days >= ${research_min_group}', 'meter_days');

INSERT OR IGNORE INTO meta.shares VALUES
    ('consumption_share', 'Pseudonymous half-hourly consumption and anomalies for recipients');

INSERT OR IGNORE INTO meta.share_objects VALUES
    ('consumption_share', 'consumption.half_hourly', 'VIEW', 'gold.v_recipient_half_hourly', ''),
    ('consumption_share', 'consumption.anomalies', 'VIEW', 'gold.v_recipient_anomalies', '');

INSERT OR IGNORE INTO meta.share_recipients VALUES
    ('consumption_share', 'example-recipient', 'SELECT');
