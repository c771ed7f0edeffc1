-- Cases (issue 18), in every workspace layout: the analyst's own work, kept across rebuilds. The same tables as
-- notebooks/07_case_reports.sql creates in Unity Catalog. A case's MPAN (only ever for a case raised under Settlement)
-- is kept apart in case_report_mpans: case_reports says meter_kind = 'mpan' and holds no key for it.
CREATE TABLE IF NOT EXISTS gold.case_reports (
    case_id           VARCHAR   PRIMARY KEY,
    title             VARCHAR   NOT NULL,
    category          VARCHAR   NOT NULL CHECK (category IN ('theft', 'meter_malfunction', 'network_anomaly', 'maintenance', 'data_quality', 'other')),
    priority          VARCHAR   NOT NULL CHECK (priority IN ('urgent', 'high', 'medium', 'low')),
    assignee          VARCHAR,
    description       VARCHAR   NOT NULL,
    status            VARCHAR   NOT NULL CHECK (status IN ('open', 'investigating', 'escalated', 'resolved', 'closed')),
    linked_anomaly_id VARCHAR,
    meter_kind        VARCHAR   CHECK (meter_kind IN ('mpan', 'pseudonym')),
    meter_key         VARCHAR   CHECK (meter_kind = 'pseudonym' OR meter_key IS NULL),
    raised_under      VARCHAR   NOT NULL,
    version           BIGINT    NOT NULL,
    created_at_utc    TIMESTAMP NOT NULL,
    created_by        VARCHAR   NOT NULL,
    updated_at_utc    TIMESTAMP NOT NULL,
    updated_by        VARCHAR   NOT NULL,
    write_id          VARCHAR   NOT NULL,
    CHECK (meter_kind IS DISTINCT FROM 'mpan' OR raised_under = 'SETTLEMENT')
);

CREATE TABLE IF NOT EXISTS gold.case_activity (
    case_id    VARCHAR   NOT NULL,
    version    BIGINT    NOT NULL,
    entry_no   INTEGER   NOT NULL,
    at_utc     TIMESTAMP NOT NULL,
    actor      VARCHAR   NOT NULL,
    field      VARCHAR   NOT NULL,
    from_value VARCHAR,
    to_value   VARCHAR,
    PRIMARY KEY (case_id, version, entry_no)
);

CREATE TABLE IF NOT EXISTS gold.case_report_mpans (
    case_id VARCHAR PRIMARY KEY,
    mpan    VARCHAR NOT NULL
);
