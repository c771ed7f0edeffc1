-- Detections, in every workspace layout: the gold contract's gold.anomalies.
CREATE TABLE IF NOT EXISTS gold.anomalies (
    anomaly_id         VARCHAR   NOT NULL,
    mpan               VARCHAR   NOT NULL,
    gsp_group          VARCHAR   NOT NULL,
    anomaly_type       VARCHAR   NOT NULL,
    severity           VARCHAR   NOT NULL,
    score              DOUBLE    NOT NULL,
    settlement_date    DATE      NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    interval_end_utc   TIMESTAMP NOT NULL,
    expected_kwh       DOUBLE,
    actual_kwh         DOUBLE,
    reason             VARCHAR   NOT NULL,
    detector           VARCHAR   NOT NULL,
    detected_at_utc    TIMESTAMP NOT NULL,
    learned_score      DOUBLE
);
-- Workspaces built before learned scores existed gain the column on open.
ALTER TABLE gold.anomalies ADD COLUMN IF NOT EXISTS learned_score DOUBLE;
