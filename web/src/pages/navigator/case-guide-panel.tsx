// 执法精灵 in a case's drawer: the procedure still due with its deadlines (the models' rules), then the
// assessment of the case's facts and decision, with the similar cases (GET /navigator/cases/:id).
import { Alert, Card, Spin, Table, Tag } from 'antd';
import { api, type ProcedureStep } from '../../api.ts';
import { useLoad } from '../../use-load.ts';
import { AssessmentView } from './assessment-view.tsx';

const STATUS: Record<ProcedureStep['status'], [string, string]> = {
  done: ['已完成', 'green'],
  done_late: ['逾期完成', 'orange'],
  pending: ['待办', 'blue'],
  overdue: ['已逾期', 'red'],
  not_applicable: ['不适用', 'default'],
};

export function CaseGuidePanel({ caseId }: { caseId: string }) {
  const load = useLoad((signal) => api.caseGuide(caseId, signal), [caseId]);
  return (
    <div data-testid="case-guide" data-state={load.state} style={{ marginTop: 16 }}>
      {load.state === 'loading' && <Spin />}
      {load.state === 'error' && <Alert type="error" showIcon title="执法精灵暂不可用" description={load.message} />}
      {load.data && (
        <>
          <Card size="small" title="执法精灵 · 待办程序与期限" style={{ marginBottom: 12 }}>
            <Table<ProcedureStep>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={load.data.procedure}
              onRow={(s) => ({ 'data-testid': 'procedure-step', 'data-key': s.key, 'data-status': s.status }) as object}
              columns={[
                { title: '程序', dataIndex: 'label', width: 130 },
                { title: '期限', dataIndex: 'dueOn', width: 100, render: (v: string | null) => v ?? '—' },
                { title: '完成', dataIndex: 'doneOn', width: 100, render: (v: string | null) => v ?? '—' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (v: ProcedureStep['status']) => <Tag color={STATUS[v][1]}>{STATUS[v][0]}</Tag>,
                },
                { title: '依据', render: (_, s) => <span title={s.note}>{s.basis.citation}</span> },
              ]}
            />
          </Card>
          <AssessmentView a={load.data.assessment} compact />
        </>
      )}
    </div>
  );
}
