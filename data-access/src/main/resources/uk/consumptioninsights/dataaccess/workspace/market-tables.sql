-- Public market data (Elexon Insights, NESO, Carbon Intensity API), cached for offline use. Follows the market
-- relations of gold-contract.json so a warehouse can hold the same tables. One row per period (and fuel or measure):
-- a reload replaces the period's row when its publish time is as late or later, so it never doubles a period.
CREATE SCHEMA IF NOT EXISTS market;

CREATE TABLE IF NOT EXISTS market.fuel_generation (
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    fuel_type          VARCHAR   NOT NULL,
    generation_mw      DOUBLE    NOT NULL,
    publish_time_utc   TIMESTAMP,
    PRIMARY KEY (interval_start_utc, fuel_type)
);

CREATE TABLE IF NOT EXISTS market.system_prices (
    settlement_date       DATE      NOT NULL,
    settlement_period     SMALLINT  NOT NULL,
    interval_start_utc    TIMESTAMP NOT NULL,
    system_sell_price     DOUBLE,
    system_buy_price      DOUBLE,
    net_imbalance_volume  DOUBLE,
    price_derivation_code VARCHAR,
    created_time_utc      TIMESTAMP,
    PRIMARY KEY (interval_start_utc)
);

CREATE TABLE IF NOT EXISTS market.demand_outturn (
    settlement_date        DATE      NOT NULL,
    settlement_period      SMALLINT  NOT NULL,
    interval_start_utc     TIMESTAMP NOT NULL,
    national_demand_mw     DOUBLE,
    transmission_demand_mw DOUBLE,
    publish_time_utc       TIMESTAMP,
    PRIMARY KEY (interval_start_utc)
);

CREATE TABLE IF NOT EXISTS market.carbon_intensity (
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    forecast_g_per_kwh INTEGER,
    actual_g_per_kwh   INTEGER,
    intensity_index    VARCHAR,
    fetched_at_utc     TIMESTAMP NOT NULL,
    PRIMARY KEY (interval_start_utc)
);

-- Long form: NESO has said its column set will change, and the Carbon Intensity API's fuels may too.
CREATE TABLE IF NOT EXISTS market.generation_mix_measures (
    source             VARCHAR   NOT NULL,
    settlement_date    DATE      NOT NULL,
    settlement_period  SMALLINT  NOT NULL,
    interval_start_utc TIMESTAMP NOT NULL,
    measure            VARCHAR   NOT NULL,
    value              DOUBLE    NOT NULL,
    fetched_at_utc     TIMESTAMP NOT NULL,
    PRIMARY KEY (source, interval_start_utc, measure)
);

-- Completeness per dataset and settlement day: a day is complete when every one of its 46, 48 or 50 periods is in.
CREATE TABLE IF NOT EXISTS market.day_completeness (
    dataset          VARCHAR   NOT NULL,
    settlement_date  DATE      NOT NULL,
    periods_expected SMALLINT  NOT NULL,
    periods_received SMALLINT  NOT NULL,
    fetched_at_utc   TIMESTAMP NOT NULL,
    PRIMARY KEY (dataset, settlement_date)
);

-- One row per request batch the workbench made, with its outcome: what the Market tab's provenance line quotes.
CREATE TABLE IF NOT EXISTS market.fetch_log (
    dataset        VARCHAR   NOT NULL,
    date_from      DATE      NOT NULL,
    date_to        DATE      NOT NULL,
    fetched_at_utc TIMESTAMP NOT NULL,
    rows_received  BIGINT    NOT NULL,
    outcome        VARCHAR   NOT NULL,
    message        VARCHAR
);
