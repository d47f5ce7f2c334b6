// The small marks every clue page shares: status, severity, the deadline with its days left or
// overdue, and the escalation (市级督办). Each carries a testid and the raw value in data-*.
import { Space, Tag, Typography } from 'antd';
import type { ClueStatus, ClueSummary, Severity } from '../api.ts';
import { deadlineText, SEVERITY_COLORS, SEVERITY_LABELS, STATUS_COLORS, STATUS_LABELS } from './clue-rules.ts';

export function StatusTag({ status, label }: { status: ClueStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="clue-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {label ?? STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <Tag color={SEVERITY_COLORS[severity]} data-testid="clue-severity" data-severity={severity} style={{ marginInlineEnd: 0 }}>
      {SEVERITY_LABELS[severity] ?? severity}
    </Tag>
  );
}

/** 简易 (the agency closes it itself) or 一般 (the full loop). */
export function ProcedureTag({ procedure, label }: { procedure: 'simple' | 'general'; label: string }) {
  return (
    <Tag
      color={procedure === 'simple' ? 'cyan' : 'geekblue'}
      data-testid="clue-procedure"
      data-procedure={procedure}
      style={{ marginInlineEnd: 0 }}
    >
      {label}程序
    </Tag>
  );
}

/** 2025-12-01 · 剩余3天, red with 逾期 when overdue; — when no deadline is set. */
export function DeadlineCell({ clue }: { clue: Pick<ClueSummary, 'deadline' | 'daysLeft' | 'overdue' | 'escalationLabel'> }) {
  if (!clue.deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = deadlineText(clue);
  return (
    <Space size={4} wrap data-testid="clue-deadline" data-deadline={clue.deadline} data-overdue={clue.overdue ? 'true' : 'false'}>
      <span>{clue.deadline}</span>
      {clue.overdue ? (
        <Tag color="red" data-testid="overdue-tag" style={{ marginInlineEnd: 0 }}>
          {left}
        </Tag>
      ) : (
        left && (
          <Typography.Text type={clue.daysLeft !== null && clue.daysLeft <= 3 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            {left}
          </Typography.Text>
        )
      )}
      {clue.escalationLabel && (
        <Tag color="volcano" data-testid="escalation-tag" style={{ marginInlineEnd: 0 }}>
          {clue.escalationLabel}
        </Tag>
      )}
    </Space>
  );
}
