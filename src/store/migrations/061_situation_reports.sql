-- Situation reports (态势分析通报): what each report says is kept, so its Word document is rebuilt
-- identically at every download; numbered like the notices (notice_numbers, kind 'report'). docs/reports.md.
CREATE TABLE situation_reports (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,        -- the jurisdiction reported on
  period VARCHAR NOT NULL,             -- 2025Q4 | 2025-11 | 2025H2 | 2025
  number VARCHAR NOT NULL,             -- 杭司通报〔2026〕1号
  title VARCHAR NOT NULL,
  issuer VARCHAR NOT NULL,
  content VARCHAR NOT NULL,            -- JSON: the figures, chart data, lists and recommendations
  trigger VARCHAR NOT NULL,            -- schedule | request | cli
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
