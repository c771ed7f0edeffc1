-- Recipient workspace: a local copy of the tables a Delta Sharing share holds, read through the same query layer as
-- the local workspace under the Recipient purpose. No raw MPAN ever reaches a recipient: the meter key is the
-- provider's pseudonym throughout. Times are UTC (TIMESTAMP without zone, named *_utc).
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS shared;
CREATE SCHEMA IF NOT EXISTS gold;

CREATE TABLE IF NOT EXISTS meta.workspace_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per load or refresh of a shared table, kept across loads (created on open, so older copies gain it). mode is
-- 'changes' (only the change data feed since from_version applied) or 'snapshot' (the table replaced whole, for the
-- reason given); from_version is NULL when nothing was cached, bytes_downloaded when the loader did not say.
CREATE TABLE IF NOT EXISTS meta.share_refreshes (
    table_name       VARCHAR   NOT NULL,
    refreshed_at_utc TIMESTAMP NOT NULL,
    from_version     BIGINT,
    to_version       BIGINT    NOT NULL,
    mode             VARCHAR   NOT NULL,
    rows_inserted    BIGINT    NOT NULL,
    rows_deleted     BIGINT    NOT NULL,
    rows_updated     BIGINT    NOT NULL,
    bytes_downloaded BIGINT,
    seconds          DOUBLE    NOT NULL,
    reason           VARCHAR   NOT NULL
);

-- Replaced as a whole by each load of the share (SharedTableImport), changed in place by a refresh that applies the
-- change data feed (SharedTableChanges); empty until the first.
CREATE TABLE IF NOT EXISTS shared.consumption_half_hourly (
    mpan_pseudonym     VARCHAR,
    gsp_group          VARCHAR,
    settlement_date    DATE,
    settlement_period  INTEGER,
    interval_start_utc TIMESTAMP,
    kwh                DOUBLE
);

CREATE TABLE IF NOT EXISTS shared.anomalies (
    anomaly_id         VARCHAR,
    mpan_pseudonym     VARCHAR,
    gsp_group          VARCHAR,
    anomaly_type       VARCHAR,
    severity           VARCHAR,
    score              DOUBLE,
    settlement_date    DATE,
    interval_start_utc TIMESTAMP,
    interval_end_utc   TIMESTAMP,
    expected_kwh       DOUBLE,
    actual_kwh         DOUBLE,
    reason             VARCHAR,
    detector           VARCHAR,
    learned_score      DOUBLE
);

-- Local rescoring reads meters and readings keyed by a column named mpan and writes gold.anomalies; here that key
-- holds the provider's pseudonym.
CREATE OR REPLACE VIEW gold.meters AS
SELECT DISTINCT mpan_pseudonym AS mpan, mpan_pseudonym, gsp_group
FROM shared.consumption_half_hourly;

-- A shared reading that is not physically plausible (negative, above the ceiling) is kept aside, as in the local
-- layout: the detectors see it, totals and charts do not.
CREATE OR REPLACE VIEW gold.consumption_half_hourly AS
SELECT mpan_pseudonym AS mpan, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM shared.consumption_half_hourly
WHERE kwh BETWEEN 0 AND ${reading_ceiling};

CREATE OR REPLACE VIEW gold.flagged_readings AS
SELECT mpan_pseudonym AS mpan, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh AS recorded_kwh,
       CASE WHEN kwh < 0 THEN 'negative' ELSE 'above_ceiling' END AS quality
FROM shared.consumption_half_hourly
WHERE NOT kwh BETWEEN 0 AND ${reading_ceiling};

-- Detections of the recipient's own local rescoring; the share's detections stay in shared.anomalies.
${gold_anomalies}

CREATE OR REPLACE VIEW gold.v_recipient_half_hourly AS
SELECT mpan_pseudonym, gsp_group, settlement_date, settlement_period, interval_start_utc, kwh
FROM shared.consumption_half_hourly
WHERE kwh BETWEEN 0 AND ${reading_ceiling};

-- The rollups the catalog reads for all meters, a GSP group and the meter list, computed from the copy (a share
-- carries the per-meter relation only, so a recipient's copy sums it when asked).
CREATE OR REPLACE VIEW gold.v_recipient_gsp_half_hourly AS
SELECT gsp_group, settlement_date, settlement_period, interval_start_utc, count(*)::INTEGER AS meter_count,
       sum(kwh) AS kwh_total
FROM gold.v_recipient_half_hourly
GROUP BY gsp_group, settlement_date, settlement_period, interval_start_utc;

CREATE OR REPLACE VIEW gold.v_recipient_meter_daily AS
SELECT mpan_pseudonym, gsp_group, settlement_date, count(*)::SMALLINT AS periods_read, sum(kwh) AS kwh_total
FROM gold.v_recipient_half_hourly
GROUP BY mpan_pseudonym, gsp_group, settlement_date;

-- The share's detections (whatever detector the provider ran, they came with the source) beside local ones.
CREATE OR REPLACE VIEW gold.v_recipient_anomalies AS
SELECT anomaly_id, mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date, interval_start_utc,
       interval_end_utc, expected_kwh, actual_kwh, coalesce(reason, '') AS reason,
       'shared:' || coalesce(detector, 'provider') AS detector, learned_score
FROM shared.anomalies
UNION ALL
SELECT anomaly_id, mpan AS mpan_pseudonym, gsp_group, anomaly_type, severity, score, settlement_date,
       interval_start_utc, interval_end_utc, expected_kwh, actual_kwh, reason, detector, learned_score
FROM gold.anomalies;

-- Governance tables as in the local layout, left empty: the provider's Unity Catalog governs the share, so a
-- recipient's copy has no grants, masks or shares of its own to describe. The audit log records local reads.
${governance_tables}

-- Public market data, cached the same way as in the local layout.
${market_tables}
