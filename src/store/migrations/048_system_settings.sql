-- Settings an administrator changes in the console (系统管理): one value per key, with who set it
-- and when. The first: how often the server runs the whole model library (model_schedule_minutes).
CREATE TABLE system_settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL,
  updated_by VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
