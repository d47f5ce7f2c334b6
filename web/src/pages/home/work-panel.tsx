// The top of the home page: what is waiting for the caller (待办事项, each a link to the list that holds
// it) and, for supervisors, the supervision figures — open and overdue clues by agency and by model.
// Reads GET /clues/stats, /clues/supervision, /notices (totals only) and /notifications/count.
import { useMemo } from 'react';
import { Badge, Card, Col, Empty, List, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, notificationsApi, type User } from '../../api.ts';
import { EChart } from '../../charts/echart.tsx';
import { supervisionOption } from '../../charts/supervision-option.ts';
import { formatCount } from '../../format.ts';
import { useLoad } from '../../use-load.ts';

interface Todo {
  key: string;
  label: string;
  count: number | undefined;
  to: string;
  /** Red when it is late work. */
  urgent?: boolean;
}

const SUPERVISOR = new Set(['supervisor', 'admin']);
const AGENCY = new Set(['agency_staff', 'officer']);

function useTodos(user: User): { todos: Todo[]; state: 'loading' | 'ready' | 'error' } {
  const stats = useLoad((signal) => api.clueStats(signal), [user.id]);
  const unread = useLoad((signal) => notificationsApi.count(signal), [user.id]);
  const readsNotices = SUPERVISOR.has(user.role) || AGENCY.has(user.role) || user.role === 'discipline_liaison';
  const notices = useLoad(
    (signal) =>
      readsNotices
        ? api.notices({ status: 'issued', overdue: SUPERVISOR.has(user.role) ? 'true' : undefined, pageSize: 1 }, signal)
        : Promise.resolve(null),
    [user.id, readsNotices],
  );
  const s = stats.data;
  const todos: Todo[] = SUPERVISOR.has(user.role)
    ? [
        { key: 'new', label: '待研判线索', count: s?.byStatus.new, to: '/clues?status=new' },
        { key: 'triaged', label: '已研判待交办', count: s?.byStatus.triaged, to: '/clues?status=triaged' },
        { key: 'submitted', label: '整改待审核', count: s?.byStatus.submitted, to: '/command?tab=review' },
        { key: 'overdue', label: '整改已逾期', count: s?.overdue, to: '/clues?overdue=true', urgent: true },
        { key: 'escalated', label: '升级至本级督办', count: s?.escalatedToMe, to: '/clues?escalated=true', urgent: true },
        { key: 'notices', label: '文书逾期未答复', count: notices.data?.total, to: '/notices?status=issued&overdue=true', urgent: true },
      ]
    : AGENCY.has(user.role)
      ? [
          { key: 'assigned', label: '待签收线索', count: s?.byStatus.assigned, to: '/command?tab=accept' },
          {
            key: 'rectifying',
            label: '整改中',
            count: s ? s.byStatus.rectifying + s.byStatus.returned : undefined,
            to: '/command?tab=rectify',
          },
          { key: 'due', label: '3日内到期', count: s?.dueSoon, to: '/command?tab=rectify' },
          { key: 'overdue', label: '整改已逾期', count: s?.overdue, to: '/command?tab=overdue', urgent: true },
          { key: 'notices', label: '待答复文书', count: notices.data?.total, to: '/notices?status=issued' },
        ]
      : user.role === 'discipline_liaison'
        ? [
            { key: 'transferred', label: '移送的线索', count: s?.byStatus.transferred, to: '/clues' },
            { key: 'notices', label: '待答复移送函', count: notices.data?.total, to: '/notices?status=issued' },
          ]
        : [
            { key: 'open', label: '报送线索办理中', count: s?.open, to: '/clues' },
            {
              key: 'closed',
              label: '已办结',
              count: s ? s.byStatus.closed + s.byStatus.dismissed + s.byStatus.transferred : undefined,
              to: '/clues',
            },
          ];
  if (user.role !== 'admin' && user.role !== 'invited_supervisor')
    todos.push({ key: 'unread', label: '未读消息', count: unread.data?.unread, to: '/notifications?unread=true' });
  return { todos, state: stats.state === 'error' ? 'error' : stats.state };
}

export function WorkPanel({ user }: { user: User }) {
  const { todos, state } = useTodos(user);
  const supervisor = SUPERVISOR.has(user.role);
  const figures = useLoad((signal) => (supervisor ? api.clueSupervision(signal) : Promise.resolve(null)), [user.id, supervisor]);
  const byAgency = useMemo(
    () => (figures.data?.byAgency ?? []).map((r) => ({ name: r.agencyName, open: r.open, overdue: r.overdue })),
    [figures.data],
  );
  const byModel = useMemo(
    () => (figures.data?.byModel ?? []).map((r) => ({ name: r.modelName, open: r.open, overdue: r.overdue })),
    [figures.data],
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="work-panel" data-state={state}>
      <Col xs={24} xl={supervisor ? 6 : 24}>
        <Card size="small" title="待办事项" style={{ height: '100%' }} data-testid="todo-list">
          <List<Todo>
            size="small"
            dataSource={todos}
            renderItem={(t) => (
              <List.Item key={t.key} data-testid={`todo-${t.key}`} data-count={t.count}>
                <Link to={t.to}>{t.label}</Link>
                <Badge
                  count={t.count === undefined ? '…' : formatCount(t.count)}
                  showZero
                  overflowCount={Number.MAX_SAFE_INTEGER}
                  color={t.urgent && (t.count ?? 0) > 0 ? '#cf1322' : (t.count ?? 0) > 0 ? '#1677ff' : '#bfbfbf'}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      {supervisor && (
        <>
          <Col xs={24} xl={9}>
            <Card
              size="small"
              title="未办结线索 · 按执法主体（前10）"
              style={{ height: '100%' }}
              data-testid="chart-clues-by-agency"
              data-count={byAgency.length}
            >
              {figures.data && byAgency.length === 0 ? (
                <Empty description="暂无未办结线索" />
              ) : (
                <EChart option={supervisionOption(byAgency)} height={300} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card
              size="small"
              title="未办结线索 · 按监督模型（前10）"
              style={{ height: '100%' }}
              data-testid="chart-clues-by-model"
              data-count={byModel.length}
            >
              {figures.data && byModel.length === 0 ? (
                <Empty description="暂无未办结线索" />
              ) : (
                <EChart option={supervisionOption(byModel)} height={300} />
              )}
            </Card>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">监督数据截至 {figures.data?.today ?? '—'}，逾期即超过整改期限仍未提交整改。</Typography.Text>
          </Col>
        </>
      )}
    </Row>
  );
}
