-- Databricks notebook source
-- Delta Sharing: the recipients' purpose views (pseudonyms only, never an MPAN) shared with history, so that a
-- recipient's workbench can refresh from the change data feed instead of reloading. Open sharing (a TOKEN recipient):
-- the activation link DESCRIBE RECIPIENT shows is a secret; hand it over out of band, never paste it into a log.
-- Parameters: catalog, schema, share, recipient.

-- COMMAND ----------

CREATE SHARE IF NOT EXISTS IDENTIFIER(:share) COMMENT 'Pseudonymous half-hourly consumption and anomalies for recipients';

-- COMMAND ----------

ALTER SHARE IDENTIFIER(:share) ADD VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_half_hourly') AS consumption.half_hourly WITH HISTORY;

ALTER SHARE IDENTIFIER(:share) ADD VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_anomalies') AS consumption.anomalies WITH HISTORY;

ALTER SHARE IDENTIFIER(:share) ADD VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_gsp_half_hourly') AS consumption.gsp_half_hourly WITH HISTORY;

ALTER SHARE IDENTIFIER(:share) ADD VIEW IDENTIFIER(:catalog || '.' || :schema || '.v_recipient_meter_daily') AS consumption.meter_daily WITH HISTORY;

-- COMMAND ----------

CREATE RECIPIENT IF NOT EXISTS IDENTIFIER(:recipient) COMMENT 'Example open-sharing recipient of the consumption share';

GRANT SELECT ON SHARE IDENTIFIER(:share) TO RECIPIENT IDENTIFIER(:recipient);
