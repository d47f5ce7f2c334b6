// 效能评价 · 评价排名: scores and ranks of the child regions, agencies or officers of a jurisdiction for
// a period (GET /evaluation/scorecard), each row opening its indicators (value, target, score, weight)
// and each figure the records behind it (GET /evaluation/records). A region's name drills into that
// region; an agency's or officer's name opens its profile. Level, period and region live in the URL.
import { useState } from 'react';
import { Button, Drawer, Select, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import {
  evaluationApi,
  LEVEL_LABELS,
  recentPeriods,
  recordLink,
  valueText,
  type IndicatorColumn,
  type Level,
  type Scorecard,
  type ScoreRow,
} from '../../evaluation/evaluation-api.ts';

const today = () => new Date().toISOString().slice(0, 10);

export const scoreText = (score: number | null) => (score === null ? '—' : score.toFixed(2));

function scoreColor(score: number | null): string | undefined {
  if (score === null) return undefined;
  return score >= 90 ? 'green' : score >= 75 ? 'blue' : score >= 60 ? 'orange' : 'red';
}

export function ruleText(i: Pick<IndicatorColumn, 'scoring' | 'direction' | 'target' | 'unit'>): string {
  const better = i.direction === 'higher' ? '越高越好' : '越低越好';
  switch (i.scoring.kind) {
    case 'linear':
      return `${better}；达到目标值 ${i.target}${i.unit} 得满分，${i.scoring.zeroAt}${i.unit} 得零分，其间按线性计分`;
    case 'thresholds':
      return `${better}；分档计分：${i.scoring.steps.map((s) => `${s.reach}${i.unit}→${s.score}分`).join('，')}`;
    case 'rank':
      return `${better}；按同级比较排名计分（第一名100分，末名0分）`;
  }
}

interface Drill {
  indicator: IndicatorColumn;
  subject: ScoreRow['subject'];
}

function RecordsDrawer({ drill, card, onClose }: { drill: Drill | null; card: Scorecard; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const load = useLoad(
    (signal) =>
      drill
        ? evaluationApi.records(
            {
              indicator: drill.indicator.code,
              level: card.level,
              subject: drill.subject.id,
              regionCode: card.regionCode,
              period: card.period.code,
              page,
              pageSize: 20,
            },
            signal,
          )
        : Promise.resolve(null),
    [drill?.indicator.code, drill?.subject.id, card.level, card.regionCode, card.period.code, page],
  );
  const data = load.data ?? null;
  return (
    <Drawer
      open={!!drill}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size="large"
      title={drill ? `${drill.subject.name} · ${drill.indicator.name}` : ''}
    >
      <div data-testid="records-drawer" data-state={load.state} data-total={data?.total} data-numerator={data?.numerator}>
        {drill && (
          <Typography.Paragraph type="secondary" data-testid="indicator-definition">
            {drill.indicator.definition}
          </Typography.Paragraph>
        )}
        {data && (
          <Typography.Paragraph>
            共 {data.total} 条记录，其中计入分子 {data.numerator} 条。
          </Typography.Paragraph>
        )}
        <Table
          size="small"
          rowKey="recordId"
          loading={load.state === 'loading'}
          dataSource={data?.rows ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(r) => ({ 'data-testid': 'drill-record', 'data-id': r.recordId, 'data-num': r.num }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '记录',
              dataIndex: 'recordId',
              render: (id: string) => {
                const to = recordLink(data?.indicator.recordKind ?? '', id);
                return to ? <Link to={to}>{id}</Link> : id;
              },
            },
            { title: '区划', dataIndex: 'regionCode' },
            { title: '计入分子', dataIndex: 'num', render: (n: number) => (n ? <Tag color="red">{n === 1 ? '是' : n}</Tag> : '否') },
            { title: '分母', dataIndex: 'den' },
          ]}
        />
      </div>
    </Drawer>
  );
}

function IndicatorCells({ row, card, onDrill }: { row: ScoreRow; card: Scorecard; onDrill: ((d: Drill) => void) | null }) {
  return (
    <Table
      data-testid="indicator-cells"
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={card.indicators}
      onRow={(i) => {
        const c = row.cells[i.code];
        return {
          'data-testid': 'indicator-cell',
          'data-code': i.code,
          'data-value': c?.value ?? '',
          'data-score': c?.score ?? '',
          'data-num': c?.num,
        } as React.HTMLAttributes<HTMLElement>;
      }}
      columns={[
        { title: '分组', dataIndex: 'groupName', width: 90 },
        {
          title: '指标',
          dataIndex: 'name',
          render: (name: string, i) => (
            <Tooltip title={`${i.definition}（${ruleText(i)}）`}>
              <span>{name}</span>
            </Tooltip>
          ),
        },
        { title: '指标值', key: 'value', render: (_: unknown, i) => valueText(row.cells[i.code]?.value ?? null, i.unit) },
        {
          title: '目标值',
          key: 'target',
          render: (_: unknown, i) => (i.scoring.kind === 'rank' ? '排名计分' : valueText(i.target, i.unit)),
        },
        {
          title: '得分',
          key: 'score',
          render: (_: unknown, i) => (
            <Tag color={scoreColor(row.cells[i.code]?.score ?? null)}>{scoreText(row.cells[i.code]?.score ?? null)}</Tag>
          ),
        },
        { title: '权重', dataIndex: 'weight' },
        {
          title: '记录数',
          key: 'records',
          render: (_: unknown, i) => `${row.cells[i.code]?.num ?? 0} / ${row.cells[i.code]?.records ?? 0}`,
        },
        {
          title: '',
          key: 'drill',
          render: (_: unknown, i) => (
            <Button
              size="small"
              type="link"
              data-testid="indicator-drill"
              data-code={i.code}
              disabled={!onDrill || !row.cells[i.code]?.records}
              onClick={() => onDrill?.({ indicator: i, subject: row.subject })}
            >
              明细
            </Button>
          ),
        },
      ]}
    />
  );
}

export default function ScorecardPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  // Which levels the caller may rank is the server's word (GET /auth/me can): an agency its own agency and officers, an invited supervisor the regions.
  const agencyRole = !user.can.scoreRegions;
  const level = (params.get('level') as Level | null) ?? (agencyRole ? 'agency' : 'region');
  const period = params.get('period') ?? undefined;
  const region = params.get('region') ?? undefined;
  const [drill, setDrill] = useState<Drill | null>(null);
  const load = useLoad((signal) => evaluationApi.scorecard({ level, period, regionCode: region }, signal), [level, period, region]);
  const card = load.data;
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const levels: Level[] = agencyRole ? ['agency', 'officer'] : user.can.rankAgencies ? ['region', 'agency', 'officer'] : ['region'];
  const nameCell = (row: ScoreRow) => {
    if (!user.can.drillEvaluation) return row.subject.name;
    if (level === 'region') return <a onClick={() => update({ region: row.subject.id, level: 'agency' })}>{row.subject.name}</a>;
    const to = level === 'agency' ? `/evaluation/agencies/${row.subject.id}` : `/evaluation/officers/${row.subject.id}`;
    return <Link to={`${to}${card ? `?period=${card.period.code}` : ''}`}>{row.subject.name}</Link>;
  };

  return (
    <PageFrame
      testId="scorecard-page"
      title="效能评价 · 评价排名"
      subtitle={card ? `${card.period.label}（${card.period.from} 至 ${card.period.to}）· 评价范围 ${card.regionCode}` : undefined}
      load={load}
      extra={
        <Space wrap>
          <Segmented
            data-testid="scorecard-level"
            value={level}
            options={levels.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
            onChange={(v) => update({ level: String(v) })}
          />
          <Select
            data-testid="scorecard-period"
            style={{ width: 170 }}
            placeholder="统计期间"
            value={card?.period.code ?? period}
            options={recentPeriods(today())}
            onChange={(v: string) => update({ period: v })}
          />
          {region && (
            <Button data-testid="scorecard-up" onClick={() => update({ region: null, level: 'region' })}>
              返回本人辖区
            </Button>
          )}
        </Space>
      }
    >
      {card && (
        <>
          {agencyRole && level === 'agency' && card.rows[0] && (
            <Typography.Paragraph data-testid="scorecard-own-rank">
              本部门在 {card.of} 个执法主体中排名第 {card.rows[0].rank ?? '—'} 位。
            </Typography.Paragraph>
          )}
          <Table
            data-testid="scorecard-table"
            data-count={card.rows.length}
            rowKey={(r) => r.subject.id}
            size="middle"
            dataSource={card.rows}
            pagination={{ pageSize: 20, showSizeChanger: true }}
            expandable={{
              expandedRowRender: (row) => <IndicatorCells row={row} card={card} onDrill={user.can.drillEvaluation ? setDrill : null} />,
            }}
            onRow={(r) =>
              ({
                'data-testid': 'scorecard-row',
                'data-subject': r.subject.id,
                'data-score': r.score ?? '',
                'data-rank': r.rank ?? '',
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: '排名', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
              { title: LEVEL_LABELS[level], key: 'name', render: (_: unknown, row) => nameCell(row) },
              {
                title: '综合得分',
                dataIndex: 'score',
                width: 110,
                sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
                render: (s: number | null) => <Tag color={scoreColor(s)}>{scoreText(s)}</Tag>,
              },
              ...card.groups.map((g) => ({
                title: g.name,
                key: g.code,
                render: (_: unknown, row: ScoreRow) => scoreText(row.groups[g.code] ?? null),
              })),
            ]}
          />
          <RecordsDrawer drill={drill} card={card} onClose={() => setDrill(null)} />
        </>
      )}
    </PageFrame>
  );
}
