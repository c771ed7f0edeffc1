-- Governance tables, in every workspace layout: grants, masks, row filters, shares and the audit log of what the
-- workbench itself read and exported.
CREATE TABLE IF NOT EXISTS meta.grants (
    principal   VARCHAR NOT NULL,
    privilege   VARCHAR NOT NULL,
    object_type VARCHAR NOT NULL,
    object_key  VARCHAR NOT NULL,
    PRIMARY KEY (principal, privilege, object_type, object_key)
);

-- using_columns: comma list of the columns the mask reads, '' when only the masked column.
CREATE TABLE IF NOT EXISTS meta.column_masks (
    table_name    VARCHAR NOT NULL,
    column_name   VARCHAR NOT NULL,
    mask_function VARCHAR NOT NULL,
    using_columns VARCHAR NOT NULL,
    PRIMARY KEY (table_name, column_name)
);

CREATE TABLE IF NOT EXISTS meta.row_filters (
    table_name      VARCHAR PRIMARY KEY,
    filter_function VARCHAR NOT NULL,
    filter_columns  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS meta.shares (
    share_name VARCHAR PRIMARY KEY,
    comment    VARCHAR
);

CREATE TABLE IF NOT EXISTS meta.share_objects (
    share_name    VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    object_type   VARCHAR NOT NULL,
    shared_object VARCHAR NOT NULL,
    partitions    VARCHAR NOT NULL,
    PRIMARY KEY (share_name, name)
);

CREATE TABLE IF NOT EXISTS meta.share_recipients (
    share_name VARCHAR NOT NULL,
    recipient  VARCHAR NOT NULL,
    privilege  VARCHAR NOT NULL,
    PRIMARY KEY (share_name, recipient, privilege)
);

-- What the workbench itself read and exported; event_id orders events within the same clock tick.
CREATE SEQUENCE IF NOT EXISTS meta.audit_log_seq;
CREATE TABLE IF NOT EXISTS meta.audit_log (
    event_id       BIGINT    NOT NULL DEFAULT nextval('meta.audit_log_seq'),
    event_time_utc TIMESTAMP NOT NULL,
    user_name      VARCHAR   NOT NULL,
    action         VARCHAR   NOT NULL,
    object         VARCHAR   NOT NULL,
    purpose        VARCHAR   NOT NULL,
    rows_read      BIGINT,
    status         VARCHAR   NOT NULL
);
