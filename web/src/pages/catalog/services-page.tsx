// 第三方服务正面清单: the services an agency may delegate to a third party — "目录之外无委托"
// (GET /catalog/whitelist). The lists of other cities are shown on request: what applies to the
// caller is the province's and their own city's.
import { useMemo, useState } from 'react';
import { Alert, Input, Space, Switch, Table, Tag } from 'antd';
import type { WhitelistEntry } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { LineFilter, matchesNameOrCode, namesOf, RowCount } from '../../catalog/list-filters.tsx';
import { useUser } from '../../session.tsx';
import { PageFrame } from '../page-frame.tsx';

const cityOf = (code: string) => `${code.slice(0, 4)}00`;

export default function ServicesPage() {
  const user = useUser();
  const load = useCatalog('whitelist');
  const lines = useCatalog('lines');
  const regions = useCatalog('regions');
  const province = user.regionCode === '330000';
  const [onlyMine, setOnlyMine] = useState(!province);
  const [line, setLine] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const lineNames = useMemo(() => namesOf(lines.data), [lines.data]);
  const regionNames = useMemo(() => namesOf(regions.data), [regions.data]);
  const rows = useMemo(() => {
    const q = query.trim();
    const applies = (r: WhitelistEntry) => province || r.region_code === '330000' || r.region_code === cityOf(user.regionCode);
    return (load.data ?? []).filter((r) => (!onlyMine || applies(r)) && (!line || r.line_code === line) && matchesNameOrCode(r, q));
  }, [load.data, onlyMine, line, query, province, user.regionCode]);
  const usedLines = useMemo(() => [...new Set((load.data ?? []).map((r) => r.line_code).filter((c): c is string => !!c))], [load.data]);

  return (
    <PageFrame testId="services-page" title="第三方服务正面清单" subtitle="执法部门可委托第三方提供的服务事项" load={load}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="目录之外无委托"
        description="清单之外的事项不得委托第三方实施；委托记录中的服务不在清单内的，由监督模型发现为“目录外委托”线索。"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <LineFilter codes={usedLines} names={lineNames} value={line} onChange={setLine} />
        <Input.Search allowClear placeholder="按名称或编码查找" onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} />
        {!province && (
          <Space size={6}>
            <Switch checked={onlyMine} onChange={setOnlyMine} data-testid="services-only-mine" />
            <span>仅看本辖区适用</span>
          </Space>
        )}
        <RowCount count={rows.length} testId="services-count" />
      </Space>
      <Table<WhitelistEntry>
        data-testid="services-table"
        rowKey="code"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 项`, hideOnSinglePage: true }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 150 },
          { title: '服务事项', dataIndex: 'name' },
          { title: '条线', dataIndex: 'line_code', width: 140, render: (c: string | null) => (c ? (lineNames.get(c) ?? c) : '通用') },
          {
            title: '发布层级',
            dataIndex: 'region_code',
            width: 120,
            render: (code: string) => (
              <Tag color={code === '330000' ? 'blue' : 'purple'}>{code === '330000' ? '全省' : (regionNames.get(code) ?? code)}</Tag>
            ),
          },
        ]}
      />
    </PageFrame>
  );
}
