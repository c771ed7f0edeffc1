-- An Octopus meter's pull state and its tariff's unit rates. Readings themselves go through bronze → silver → gold like
-- an import; these tables only say where the next refresh starts and what each half-hour costs. Times are UTC.
CREATE SCHEMA IF NOT EXISTS octopus;

-- One row per meter pulled into this workspace: the next refresh asks for half-hours from last_interval_end_utc on.
CREATE TABLE IF NOT EXISTS octopus.meters (
    mpan                  VARCHAR   NOT NULL,
    serial_number         VARCHAR   NOT NULL,
    gsp_group             VARCHAR   NOT NULL,
    tariff_code           VARCHAR,
    history_from_utc      TIMESTAMP NOT NULL,
    last_interval_end_utc TIMESTAMP,
    last_pull_at_utc      TIMESTAMP NOT NULL,
    PRIMARY KEY (mpan, serial_number)
);

-- Every pull, for the record: what was asked for and how many half-hours came back (0 when nothing was new).
CREATE TABLE IF NOT EXISTS octopus.pulls (
    mpan            VARCHAR   NOT NULL,
    serial_number   VARCHAR   NOT NULL,
    pulled_at_utc   TIMESTAMP NOT NULL,
    period_from_utc TIMESTAMP NOT NULL,
    intervals       INTEGER   NOT NULL,
    ingest_batch    INTEGER
);

-- A tariff's standard unit rates in p/kWh over [valid_from_utc, valid_to_utc); valid_to_utc NULL = open-ended.
CREATE TABLE IF NOT EXISTS octopus.unit_rates (
    tariff_code    VARCHAR   NOT NULL,
    valid_from_utc TIMESTAMP NOT NULL,
    valid_to_utc   TIMESTAMP,
    value_exc_vat  DOUBLE    NOT NULL,
    value_inc_vat  DOUBLE    NOT NULL,
    fetched_at_utc TIMESTAMP NOT NULL,
    PRIMARY KEY (tariff_code, valid_from_utc)
);
