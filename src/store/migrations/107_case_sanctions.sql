-- The kinds of penalty besides 警告 and 罚款 a decision imposed, and the hearing's own rules, as the
-- sanction and hearing models read them (docs/models.md, PEN_SUMMARY_SANCTION, PEN_HEARING_NOTICE_LATE,
-- PEN_HEARING_HOST_INVESTIGATOR, PEN_HEARING_FEE):
-- sanctions: the other kinds of 行政处罚法 第九条 the decision imposed, as codes in the order of the field's
--   list joined by ';' ('confiscate_goods;revoke_licence'), matched alike on both engines by
--   ';' || sanctions || ';' LIKE '%;<code>;%': confiscate_proceeds (没收违法所得) | confiscate_goods (没收非法财物) |
--   suspend_licence (暂扣许可证件) | lower_qualification (降低资质等级) | revoke_licence (吊销许可证件) |
--   restrict_business (限制开展生产经营活动) | suspend_business (责令停产停业) | close_down (责令关闭) |
--   bar_practice (限制从业); NULL: none recorded;
-- hearing_notified_on: the day the notice of the hearing's time and place was served (第六十四条（二）);
-- hearing_host_id: the officer who presided over the hearing (第六十四条（四）).
-- enterprise_charges.fee_kind gains 'hearing' (听证费: 第六十四条（七）), a value, no column.
ALTER TABLE cases ADD COLUMN sanctions VARCHAR;
ALTER TABLE cases ADD COLUMN hearing_notified_on DATE;
ALTER TABLE cases ADD COLUMN hearing_host_id VARCHAR;
