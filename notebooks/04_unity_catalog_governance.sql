-- Databricks notebook source
-- Unity Catalog governance: who may read what. The purpose views themselves (one per purpose role, the same names and
-- columns as the workbench's) are sql/gold_purpose_views.sql, run by the job just before this notebook. Each purpose's
-- account group gets USE on the catalog and the gold schema and SELECT on its own views only, never on the tables
-- under them: the views are the restriction. The pipeline's own group (consumption-pipeline, the job's run-as
-- principal) owns everything and reads everything.
-- On top of that, defence in depth for principals somebody later grants more than a view: a column mask keeps raw
-- MPANs in silver to the pipeline and the Settlement purpose, and row filters keep late rejections and the evaluation
-- labels to those who need them. The masks and filters sit on tables no purpose view or share reads (a shared table
-- cannot carry them, and a mask on a join key would change what the views join).
-- Parameters: catalog, silver_schema, schema, evaluation_schema.

-- COMMAND ----------

-- Column mask: the raw MPAN for the pipeline and Settlement, a fixed marker for anyone else.
CREATE OR REPLACE FUNCTION IDENTIFIER(:catalog || '.' || :silver_schema || '.mpan_mask')(mpan STRING)
RETURNS STRING
RETURN CASE WHEN is_account_group_member('consumption-pipeline') OR is_account_group_member('settlement-analysts')
            THEN mpan ELSE 'MPAN-MASKED' END;

ALTER TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.meters') ALTER COLUMN mpan SET MASK IDENTIFIER(:catalog || '.' || :silver_schema || '.mpan_mask');

ALTER TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.late_rejections') ALTER COLUMN mpan SET MASK IDENTIFIER(:catalog || '.' || :silver_schema || '.mpan_mask');

-- COMMAND ----------

-- Row filters: late rejections are data quality evidence for the pipeline and Settlement; the injected-anomaly
-- labels are ground truth for evaluating detectors, which no purpose may see.
CREATE OR REPLACE FUNCTION IDENTIFIER(:catalog || '.' || :silver_schema || '.data_quality_readers')()
RETURNS BOOLEAN
RETURN is_account_group_member('consumption-pipeline') OR is_account_group_member('settlement-analysts');

ALTER TABLE IDENTIFIER(:catalog || '.' || :silver_schema || '.late_rejections') SET ROW FILTER IDENTIFIER(:catalog || '.' || :silver_schema || '.data_quality_readers') ON ();

CREATE OR REPLACE FUNCTION IDENTIFIER(:catalog || '.' || :evaluation_schema || '.evaluation_readers')()
RETURNS BOOLEAN
RETURN is_account_group_member('consumption-pipeline');

ALTER TABLE IDENTIFIER(:catalog || '.' || :evaluation_schema || '.anomaly_labels') SET ROW FILTER IDENTIFIER(:catalog || '.' || :evaluation_schema || '.evaluation_readers') ON ();

-- COMMAND ----------

-- Every purpose group may use the catalog and the gold schema.
GRANT USE CATALOG ON CATALOG IDENTIFIER(:catalog) TO `settlement-analysts`;

GRANT USE CATALOG ON CATALOG IDENTIFIER(:catalog) TO `market-monitoring`;

GRANT USE CATALOG ON CATALOG IDENTIFIER(:catalog) TO `research`;

GRANT USE SCHEMA ON SCHEMA IDENTIFIER(:catalog || '.' || :schema) TO `settlement-analysts`;

GRANT USE SCHEMA ON SCHEMA IDENTIFIER(:catalog || '.' || :schema) TO `market-monitoring`;

GRANT USE SCHEMA ON SCHEMA IDENTIFIER(:catalog || '.' || :schema) TO `research`;

-- COMMAND ----------

-- Settlement: raw MPANs with their pseudonyms.
GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_half_hourly') TO `settlement-analysts`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_anomalies') TO `settlement-analysts`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_gsp_half_hourly') TO `settlement-analysts`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_meter_daily') TO `settlement-analysts`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_data_quality') TO `settlement-analysts`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_settlement_meter_day_quality') TO `settlement-analysts`;

-- COMMAND ----------

-- Market monitoring: pseudonyms only.
GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_half_hourly') TO `market-monitoring`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_anomalies') TO `market-monitoring`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_gsp_half_hourly') TO `market-monitoring`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_meter_daily') TO `market-monitoring`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_data_quality') TO `market-monitoring`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_market_monitoring_meter_day_quality') TO `market-monitoring`;

-- COMMAND ----------

-- Research: GSP groups of at least 10 meters, no meter identity at all.
GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_research_gsp_half_hourly') TO `research`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_research_population') TO `research`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_research_anomaly_summary') TO `research`;

GRANT SELECT ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.v_research_data_quality') TO `research`;

-- COMMAND ----------

-- Cases (tables in 00_setup): every purpose group reads and writes the cases and their trail (MERGE needs SELECT and
-- MODIFY); only Settlement reads and writes the MPANs of Settlement's cases, so no other group can ever read one.
GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_reports') TO `settlement-analysts`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_reports') TO `market-monitoring`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_reports') TO `research`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_activity') TO `settlement-analysts`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_activity') TO `market-monitoring`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_activity') TO `research`;

GRANT SELECT, MODIFY ON TABLE IDENTIFIER(:catalog || '.' || :schema || '.case_report_mpans') TO `settlement-analysts`;
