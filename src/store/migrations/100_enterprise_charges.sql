-- 涉企收费: a charge an enterprise paid around an agency's approval or inspection — a fee, a fund, a
-- deposit, a service, an intermediary's or a training fee — as the fee models read it (docs/models.md,
-- 优化营商环境条例 第十七条、第二十五条、第四十三条; 浙江省民营企业发展促进条例 第三十三条、第三十四条).
-- agency_id: the agency the charge relates to (its approval, inspection or field); entity_uscc: who paid.
-- charged_by: the name of the body that charged (收费单位), as text.
-- charger_kind: authority (行政机关) | affiliated (所属事业单位) | association (行业协会商会) |
--   intermediary (中介服务机构) | other.
-- fee_kind: admin_fee (行政事业性收费) | fund (政府性基金) | deposit (涉企保证金) | service (经营服务性收费) |
--   intermediary (中介服务费) | training (培训费) | rating (评比达标费) | other.
-- catalogue_no: the number of the fee in the published 目录清单; NULL: the record names none.
-- licence_id / inspection_id: the approval or inspection the charge came with (at most one); NULL: none.
-- commissioned_by_agency: the agency itself commissioned the service (行政机关委托中介服务机构).
-- designated_by_agency: the agency named the provider the enterprise had to use (指定中介服务机构).
CREATE TABLE enterprise_charges (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  charged_by VARCHAR NOT NULL,
  charger_kind VARCHAR NOT NULL,
  fee_kind VARCHAR NOT NULL,
  catalogue_no VARCHAR,
  amount DECIMAL(14,2) NOT NULL,
  charged_on DATE NOT NULL,
  licence_id VARCHAR,
  inspection_id VARCHAR,
  commissioned_by_agency BOOLEAN NOT NULL,
  designated_by_agency BOOLEAN NOT NULL,
  county_code VARCHAR
);
