-- 电子技术监控设备 (非现场执法): the cameras, speed and noise monitors an agency uses to record violations,
-- as the device models read them (docs/models.md, 行政处罚法 第四十一条: 经过法制和技术审核…设置地点应当向社会公布).
-- device_kind: camera | speed | noise | other.
-- location: the place it is set up (设置地点), as text.
-- reviewed_on: the day its legal and technical review (法制和技术审核) passed; NULL: the record names none.
-- published_on: the day its place was published (设置地点向社会公布); NULL: not published.
-- calibrated_until: the last day its verification or calibration (检定/校准) is valid; NULL: the record names none.
-- in_use_from / retired_on: when it started recording, and stopped (NULL: still in use).
CREATE TABLE monitoring_devices (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  device_kind VARCHAR NOT NULL,
  location VARCHAR NOT NULL,
  reviewed_on DATE,
  published_on DATE,
  calibrated_until DATE,
  in_use_from DATE NOT NULL,
  retired_on DATE,
  county_code VARCHAR
);
-- The device whose record is the evidence of a case (证据来源设备); NULL: the case cites none.
ALTER TABLE cases ADD COLUMN device_id VARCHAR;
