// One assessment as the officer reads it: the recommendation and the verdict first, then the law
// verbatim, the governing baseline with the selected tier marked, the exemption, the history with its
// chart, and the similar cases with the shared terms highlighted. Used by 裁量导航 and by 执法精灵 in
// a case's drawer.
import { useMemo } from 'react';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ArticleRef, AssessResult, DecisionHistory, SimilarCase } from '../../api.ts';
import { EChart } from '../../charts/echart.tsx';
import { fineHistogramOption } from '../../charts/fine-histogram-option.ts';
import { TIER_COLORS } from '../../charts/baseline-range-option.ts';
import { fineRangeText, formatAmount } from '../../format.ts';
import { TIER_LABELS } from '../../labels.ts';

const DECISION_LABELS: Record<string, string> = { fine: '罚款', warning: '警告', no_penalty: '不予处罚' };
const HARM_LABELS: Record<string, string> = { none: '无危害后果', minor: '危害轻微', serious: '危害较大' };

function Article({ a }: { a: ArticleRef }) {
  return (
    <div data-testid="article" data-held={a.held}>
      <Typography.Text strong>{a.citation}</Typography.Text>
      {a.text ? (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', fontSize: 13 }}
          ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
        >
          {a.text}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          本系统未收录该法规条文，请以正式文本为准。
        </Typography.Text>
      )}
    </div>
  );
}

function HistoryStats({ h, minDecisions }: { h: DecisionHistory; minDecisions: number }) {
  return (
    <Card size="small" title={h.scope.name} data-testid={`history-${h.scope.code}`} data-too-few={h.tooFew}>
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title="决定" value={h.decisions} suffix="件" />
        </Col>
        <Col span={8}>
          <Statistic title="不予处罚占比" value={h.noPenaltyShare === null ? '—' : `${(h.noPenaltyShare * 100).toFixed(1)}%`} />
        </Col>
        <Col span={8}>
          <Statistic title="罚款中位数" value={h.fines ? `${formatAmount(h.fines.median)}元` : '—'} />
        </Col>
      </Row>
      {h.fines ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          四分位 {formatAmount(h.fines.q1)}–{formatAmount(h.fines.q3)}元（IQR {formatAmount(h.fines.iqr)}元），中位数绝对偏差{' '}
          {formatAmount(h.fines.mad)}元，罚款
          {h.fines.count}件
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="too-few">
          罚款决定{h.fined}件，少于{minDecisions}件，不计算中位数
        </Typography.Text>
      )}
    </Card>
  );
}

function SimilarItem({ s }: { s: SimilarCase }) {
  const decision =
    s.decision === 'fine' && s.fine !== null ? `罚款${formatAmount(s.fine)}元` : (DECISION_LABELS[s.decision ?? ''] ?? '未决');
  return (
    <List.Item data-testid="similar-case" data-id={s.id}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Link to={`/records/cases?id=${encodeURIComponent(s.id)}`}>{s.id}</Link>
          <Typography.Text>{s.entityName ?? ''}</Typography.Text>
          <Typography.Text type="secondary">
            {s.regionName} · {s.agencyName ?? ''} · {s.decidedOn ?? ''}
          </Typography.Text>
          <Tag color={s.tier ? TIER_COLORS[s.tier as keyof typeof TIER_COLORS] : undefined}>
            {TIER_LABELS[s.tier as keyof typeof TIER_LABELS] ?? '未载明档次'}
          </Tag>
          <Tag>{decision}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.facts.firstOffence ? '初次违法' : '非初次'}、{s.facts.corrected ? '已改正' : '未改正'}、
            {HARM_LABELS[s.facts.harm] ?? s.facts.harm}
          </Typography.Text>
        </Space>
        <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} data-testid="similar-text">
          {s.text.map((p, i) =>
            p.hit ? (
              <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>
                {p.text}
              </mark>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </Typography.Paragraph>
        <Space wrap size={4}>
          {s.why.map((w) => (
            <Tag key={w} color="blue" style={{ fontSize: 12 }}>
              {w}
            </Tag>
          ))}
        </Space>
      </Space>
    </List.Item>
  );
}

export function AssessmentView({ a, compact = false }: { a: AssessResult; compact?: boolean }) {
  const verdict = a.verdict;
  // The region's distribution when it has enough fines, else the province's.
  const shown = a.history.region.tooFew ? a.history.province : a.history.region;
  const option = useMemo(
    () =>
      fineHistogramOption({
        bins: shown.histogram,
        tier:
          a.tier.tier !== 'exempt' && a.tier.min !== null && a.tier.max !== null
            ? { label: a.tier.label, min: a.tier.min, max: a.tier.max }
            : null,
        proposed: verdict?.fine ?? null,
        median: shown.fines?.median ?? null,
      }),
    [a, shown, verdict],
  );
  return (
    <div data-testid="assessment" data-tier={a.tier.tier} data-exemption={a.exemption.status} data-review={verdict?.review}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type={a.recommendation.decision === 'no_penalty' ? 'success' : 'info'}
          showIcon
          title={`建议：${a.tier.label}`}
          description={a.recommendation.text}
          data-testid="recommendation"
        />
        {verdict && (
          <Alert
            type={verdict.review ? 'warning' : 'success'}
            showIcon
            data-testid="verdict"
            data-position={verdict.position ?? ''}
            title={`拟作决定：${DECISION_LABELS[verdict.decision]}${verdict.fine !== null ? ` ${formatAmount(verdict.fine)}元` : ''}${verdict.review ? '（建议复核）' : ''}`}
            description={
              <div>
                {verdict.reasons.map((r) => (
                  <div key={r}>{r}</div>
                ))}
                {verdict.robustZ !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    偏离{a.history.peers.scope}中位数：稳健Z值 {verdict.robustZ}（阈值 {verdict.zThreshold}）
                  </Typography.Text>
                )}
              </div>
            }
          />
        )}
        <Card size="small" title="法律依据">
          <Space direction="vertical" style={{ width: '100%' }}>
            {a.law.violated && <Article a={a.law.violated} />}
            {a.law.penalty && a.law.penalty.citation !== a.law.violated?.citation && <Article a={a.law.penalty} />}
            <Typography.Text>
              法定幅度：{fineRangeText(a.law.statutory.min, a.law.statutory.max)}
              {a.law.statutory.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  （{a.law.statutory.note}）
                </Typography.Text>
              )}
            </Typography.Text>
          </Space>
        </Card>
        <Card size="small" title="裁量基准与档次" data-testid="baseline" data-baseline={a.baseline?.id ?? ''}>
          {a.baseline ? (
            <>
              <Typography.Text>
                {a.baseline.title}（{a.baseline.effectiveFrom}起施行）
              </Typography.Text>
              {a.baseline.replaces.length > 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="replaces">
                  取代 {a.baseline.replaces.map((b) => b.title).join('、')}：细化基准替代上级基准，不与其合并
                </Typography.Text>
              )}
              <Table
                size="small"
                style={{ marginTop: 8 }}
                pagination={false}
                rowKey="tier"
                dataSource={a.baseline.tiers}
                rowClassName={(t) => (t.tier === a.tier.tier ? 'navigator-selected-tier' : '')}
                onRow={(t) =>
                  ({
                    style: t.tier === a.tier.tier ? { background: '#e6f4ff', fontWeight: 600 } : undefined,
                    'data-tier': t.tier,
                  }) as object
                }
                columns={[
                  { title: '档次', dataIndex: 'label', width: 96, render: (v: string, t) => <Tag color={TIER_COLORS[t.tier]}>{v}</Tag> },
                  { title: '罚款幅度', width: 140, render: (_, t) => (t.tier === 'exempt' ? '不予处罚' : fineRangeText(t.min, t.max)) },
                  ...(compact ? [] : [{ title: '适用情形', dataIndex: 'conditions', ellipsis: true }]),
                ]}
              />
            </>
          ) : (
            <Typography.Text type="secondary">该事项没有生效的裁量基准</Typography.Text>
          )}
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="tier-condition">
            适用“{a.tier.label}”：{a.tier.condition}
            {a.tier.citations.length > 0 && `（${a.tier.citations.map((c) => c.citation).join('、')}）`}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title="不予处罚" data-testid="exemption">
          <Typography.Paragraph style={{ marginBottom: 8 }}>{a.exemption.reason}</Typography.Paragraph>
          {a.exemption.entries.map((e) => (
            <Typography.Paragraph key={e.id} style={{ fontSize: 13, marginBottom: 4 }} data-testid="exemption-entry">
              <Tag>{e.regionName}清单</Tag>
              {e.list && <Typography.Text strong>{e.list.citation} </Typography.Text>}
              {e.conditions}
            </Typography.Paragraph>
          ))}
          {a.exemption.status !== 'not_applicable' && a.exemption.citations.map((c) => <Article key={c.citation} a={c} />)}
        </Card>
        <Card size="small" title={`历史处罚（近${a.history.lookbackDays}天）`}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <HistoryStats h={a.history.region} minDecisions={a.history.minDecisions} />
            </Col>
            <Col xs={24} md={12}>
              <HistoryStats h={a.history.province} minDecisions={a.history.minDecisions} />
            </Col>
          </Row>
          {shown.histogram.some((b) => b.count > 0) ? (
            <div data-testid="fine-histogram" data-scope={shown.scope.code}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
                {shown.scope.name}罚款分布：阴影为适用档次，红线为拟罚款，绿色虚线为中位数
              </Typography.Text>
              <EChart option={option} height={compact ? 200 : 260} />
            </div>
          ) : (
            <Empty description="暂无罚款决定" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
        <Card size="small" title="类案推送" data-testid="similar">
          {a.similar.length ? (
            <List dataSource={a.similar} renderItem={(s) => <SimilarItem s={s} />} />
          ) : (
            <Empty description="辖区内暂无同类案件" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
        {a.notes.length > 0 && (
          <Descriptions
            size="small"
            column={1}
            bordered
            title="说明"
            items={a.notes.map((n, i) => ({ key: String(i), label: i + 1, children: n }))}
          />
        )}
      </Space>
    </div>
  );
}
