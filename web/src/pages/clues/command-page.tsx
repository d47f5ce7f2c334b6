// 协同指挥: the clue workbench of the caller's role (GET /clues/stats, GET /clues with filters).
// A supervisor sees the queue of their region — counts by status, overdue, due within three days,
// escalated to their level — and works the queue (bulk assign), the submissions to review and the
// overdue clues. Agency staff see the clues assigned to their agency: to accept, in rectification,
// submitted, with deadlines and overdue counts.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type ClueFilters, type ClueStatus, type ClueSummary } from '../../api.ts';
import { clueStatusOption } from '../../charts/clue-status-option.ts';
import { EChart } from '../../charts/echart.tsx';
import { BulkAssignModal } from '../../clues/bulk-actions.tsx';
import { STATUS_LABELS } from '../../clues/clue-rules.ts';
import { ClueTable } from '../../clues/clue-table.tsx';
import { useModelList } from '../../clues/lookups.ts';
import { formatCount } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';

interface Queue {
  key: string;
  label: string;
  filters: ClueFilters;
  /** The stat the tab's count comes from. */
  count: (s: NonNullable<ReturnType<typeof useStats>['data']>) => number;
  selectable?: boolean;
}

function useStats(refresh: number) {
  return useLoad((signal) => api.clueStats(signal), [refresh]);
}

const sum = (byStatus: Record<ClueStatus, number>, list: ClueStatus[]) => list.reduce((s, k) => s + (byStatus[k] ?? 0), 0);

const SUPERVISOR_QUEUES: Queue[] = [
  {
    key: 'queue',
    label: '待研判/待交办',
    filters: { status: 'new,triaged' },
    count: (s) => sum(s.byStatus, ['new', 'triaged']),
    selectable: true,
  },
  { key: 'review', label: '待审核', filters: { status: 'submitted' }, count: (s) => s.byStatus.submitted ?? 0 },
  { key: 'overdue', label: '已逾期', filters: { overdue: 'true' }, count: (s) => s.overdue },
  { key: 'escalated', label: '升级至本级督办', filters: { escalated: 'true' }, count: (s) => s.escalatedToMe },
  {
    key: 'working',
    label: '整改中',
    filters: { status: 'assigned,rectifying,returned' },
    count: (s) => sum(s.byStatus, ['assigned', 'rectifying', 'returned']),
  },
];

const AGENCY_QUEUES: Queue[] = [
  { key: 'accept', label: '待签收', filters: { status: 'assigned' }, count: (s) => s.byStatus.assigned ?? 0 },
  {
    key: 'rectify',
    label: '整改中',
    filters: { status: 'rectifying,returned' },
    count: (s) => sum(s.byStatus, ['rectifying', 'returned']),
  },
  { key: 'overdue', label: '已逾期', filters: { overdue: 'true' }, count: (s) => s.overdue },
  { key: 'submitted', label: '已提交待审核', filters: { status: 'submitted' }, count: (s) => s.byStatus.submitted ?? 0 },
  { key: 'closed', label: '已销号', filters: { status: 'closed' }, count: (s) => s.byStatus.closed ?? 0 },
];

/** Invited supervisors and discipline liaisons read the clues they may see (those they reported, those transferred). */
const READER_QUEUES: Queue[] = [
  { key: 'open', label: '办理中', filters: { status: 'new,triaged,assigned,rectifying,submitted,returned' }, count: (s) => s.open },
  { key: 'all', label: '全部', filters: {}, count: (s) => s.total },
];

function QueueTable({
  queue,
  refresh,
  onChanged,
  agencyView,
}: {
  queue: Queue;
  refresh: number;
  onChanged: () => void;
  agencyView: boolean;
}) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const load = useLoad((signal) => api.clues({ ...queue.filters, page, pageSize }, signal), [queue.key, page, pageSize, refresh]);
  const models = useModelList();
  const modelNames = useMemo(() => new Map((models.data ?? []).map((m) => [m.code, m.name])), [models.data]);
  const [selected, setSelected] = useState<ClueSummary[]>([]);
  const [assignOpen, setAssignOpen] = useState(false);
  const listLink = `/clues?${new URLSearchParams(queue.filters as Record<string, string>).toString()}`;
  return (
    <div data-testid={`command-queue-${queue.key}`} data-state={load.state}>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        {queue.selectable ? (
          <Space>
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssignOpen(true)}
              data-testid="bulk-assign-button"
            >
              批量交办{selected.length ? `（${selected.length}）` : ''}
            </Button>
          </Space>
        ) : (
          <span />
        )}
        <Link to={listLink}>在线索列表中筛选查看 →</Link>
      </Space>
      <ClueTable
        testId="command-table"
        rows={load.data?.rows ?? []}
        total={load.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={load.state === 'loading'}
        onPage={(p, s) => {
          setPage(p);
          setPageSize(s);
        }}
        selected={queue.selectable ? selected.map((c) => c.id) : undefined}
        onSelect={queue.selectable ? (_ids, rows) => setSelected(rows) : undefined}
        hide={agencyView ? ['agency', 'region'] : []}
        modelNames={modelNames}
      />
      {queue.selectable && (
        <BulkAssignModal
          open={assignOpen}
          clueIds={selected.map((c) => c.id)}
          onClose={() => setAssignOpen(false)}
          onDone={(r) => {
            if (r.assigned) message.success(`已交办 ${r.assigned} 条线索`);
            setSelected([]);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function StatCard({ id, title, value, danger, to }: { id: string; title: string; value: number; danger?: boolean; to: string }) {
  return (
    <Link to={to}>
      <Card size="small" hoverable data-testid={`command-stat-${id}`} data-value={value}>
        <Statistic
          title={title}
          value={value}
          formatter={(v) => formatCount(Number(v))}
          styles={{ content: danger && value > 0 ? { color: '#cf1322' } : undefined }}
        />
      </Card>
    </Link>
  );
}

export default function CommandPage() {
  const user = useUser();
  const [refresh, setRefresh] = useState(0);
  const stats = useStats(refresh);
  const [params, setParams] = useSearchParams();
  // The workbench the server's abilities call for: an agency's, a supervisor's, or a reader's (invited supervisors, liaisons).
  const agencyView = user.agencyBound;
  const view = agencyView ? 'agency' : user.can.manageClues ? 'supervisor' : 'reader';
  const queues = view === 'agency' ? AGENCY_QUEUES : view === 'supervisor' ? SUPERVISOR_QUEUES : READER_QUEUES;
  const tab = queues.some((q) => q.key === params.get('tab')) ? params.get('tab')! : queues[0]!.key;
  const s = stats.data;
  const option = useMemo(() => (s ? clueStatusOption(s.byStatus, s.statusLabels ?? STATUS_LABELS) : null), [s]);
  const changed = () => setRefresh((n) => n + 1);

  const cards = s
    ? view === 'reader'
      ? [
          {
            id: 'total',
            title: user.clueScopeLabel,
            value: s.total,
            to: '/clues',
          },
          { id: 'open', title: '办理中', value: s.open, to: '/command?tab=open' },
          { id: 'closed', title: '已销号', value: s.byStatus.closed ?? 0, to: '/clues?status=closed' },
        ]
      : agencyView
        ? [
            { id: 'to-accept', title: '待签收', value: s.byStatus.assigned ?? 0, to: '/clues?status=assigned' },
            {
              id: 'rectifying',
              title: '整改中',
              value: sum(s.byStatus, ['rectifying', 'returned']),
              to: '/clues?status=rectifying,returned',
            },
            { id: 'overdue', title: '已逾期', value: s.overdue, danger: true, to: '/clues?overdue=true' },
            { id: 'due-soon', title: '3日内到期', value: s.dueSoon, danger: true, to: '/command?tab=rectify' },
            { id: 'submitted', title: '待审核', value: s.byStatus.submitted ?? 0, to: '/clues?status=submitted' },
            { id: 'closed', title: '已销号', value: s.byStatus.closed ?? 0, to: '/clues?status=closed' },
          ]
        : [
            { id: 'open', title: '未办结', value: s.open, to: '/clues?status=new,triaged,assigned,rectifying,submitted,returned' },
            { id: 'queue', title: '待研判/待交办', value: sum(s.byStatus, ['new', 'triaged']), to: '/clues?status=new,triaged' },
            { id: 'review', title: '待审核', value: s.byStatus.submitted ?? 0, to: '/clues?status=submitted' },
            { id: 'overdue', title: '已逾期', value: s.overdue, danger: true, to: '/clues?overdue=true' },
            { id: 'due-soon', title: '3日内到期', value: s.dueSoon, danger: true, to: '/clues?status=assigned,rectifying,returned' },
            { id: 'escalated', title: '升级至本级督办', value: s.escalatedToMe, danger: true, to: '/clues?escalated=true' },
          ]
    : [];

  return (
    <PageFrame
      testId="command-page"
      title="协同指挥"
      subtitle={
        view === 'agency'
          ? `${user.agencyName ?? '本部门'}承办的线索：签收、整改、提交，注意整改期限`
          : view === 'supervisor'
            ? `${user.regionName}的线索办理：研判交办、审核销号、逾期督办`
            : `${user.regionName}：${user.clueScopeLabel}及其办理进度`
      }
      load={stats}
      extra={
        <Space>
          {s && (
            <Typography.Text type="secondary" data-testid="command-today">
              统计日期 {s.today}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={changed}>
            刷新
          </Button>
        </Space>
      }
    >
      <div data-testid="command-view" data-view={view}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {cards.map((c) => (
            <Col key={c.id} xs={12} md={8} xl={4}>
              <StatCard {...c} />
            </Col>
          ))}
        </Row>
        {s && option && view === 'supervisor' && (
          <Card size="small" title="线索状态分布" style={{ marginBottom: 16 }}>
            <div data-testid="chart-clue-status" data-count={s.total}>
              <EChart option={option} height={220} />
            </div>
          </Card>
        )}
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k }, { replace: true })}
            items={queues.map((q) => ({
              key: q.key,
              label: (
                <span data-testid={`command-tab-${q.key}`}>
                  {q.label}
                  {s ? ` ${formatCount(q.count(s))}` : ''}
                </span>
              ),
              children: <QueueTable queue={q} refresh={refresh} onChanged={changed} agencyView={agencyView} />,
            }))}
            destroyOnHidden
          />
        </Card>
      </div>
    </PageFrame>
  );
}
