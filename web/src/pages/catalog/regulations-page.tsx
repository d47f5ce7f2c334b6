// 法规: the regulations the catalog cites, with how much of each text it holds (GET /catalog/regulations).
import { useMemo, useState } from 'react';
import { Input, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { RegulationEntry, RegulationKind } from '../../api.ts';
import { regulationPath } from '../../catalog/law-link.tsx';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { REGULATION_KIND_LABELS, REGULATION_STATUS_LABELS } from '../../labels.ts';
import { PageFrame } from '../page-frame.tsx';

export const STATUS_COLORS: Record<RegulationEntry['status'], string> = {
  verbatim: 'green',
  partial: 'gold',
  unavailable: 'default',
};

/** 法律 before 行政法规 before 地方性法规 …: the order of legal force. */
const KIND_ORDER: RegulationKind[] = ['law', 'administrative_regulation', 'local_regulation', 'rule', 'normative'];

export default function RegulationsPage() {
  const load = useCatalog('regulations');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<RegulationKind | undefined>();
  const rows = useMemo(() => {
    const q = query.trim();
    return (load.data ?? [])
      .filter((r) => (!q || r.title.includes(q)) && (!kind || r.kind === kind))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title, 'zh-CN'));
  }, [load.data, query, kind]);
  const withText = (load.data ?? []).filter((r) => r.article_count > 0).length;

  return (
    <PageFrame
      testId="regulations-page"
      title="法规"
      subtitle={load.data ? `共 ${load.data.length} 部，其中 ${withText} 部收录条文（逐条，原文）` : undefined}
      load={load}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="法规类别"
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={KIND_ORDER.map((k) => ({ value: k, label: REGULATION_KIND_LABELS[k] }))}
          />
          <Input.Search allowClear placeholder="按名称查找" onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} />
        </Space>
      }
    >
      <Table<RegulationEntry>
        data-testid="regulations-table"
        rowKey="id"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            render: (title: string, r) => (
              <Link to={regulationPath(r.id)} data-testid={`regulation-link-${r.id}`}>
                {title}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'kind', width: 120, render: (k: RegulationKind) => REGULATION_KIND_LABELS[k] ?? k },
          { title: '版本日期', dataIndex: 'version_date', width: 120, render: (d: string | null) => d ?? '—' },
          {
            title: '条文',
            dataIndex: 'article_count',
            width: 90,
            align: 'right',
            render: (n: number) => (n > 0 ? `${n} 条` : '—'),
          },
          {
            title: '收录状态',
            dataIndex: 'status',
            width: 120,
            render: (s: RegulationEntry['status']) => <Tag color={STATUS_COLORS[s]}>{REGULATION_STATUS_LABELS[s] ?? s}</Tag>,
          },
        ]}
      />
    </PageFrame>
  );
}
