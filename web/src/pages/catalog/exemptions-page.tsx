// 轻微违法不予处罚清单 (首违不罚): the entries in force for the caller (province-wide and their city's),
// each citing its legal basis; the cited article (行政处罚法 第三十三条) is shown in full, verbatim
// (GET /catalog/exemptions, which carries basis_text; titles from /catalog/regulations).
import { useMemo, useState } from 'react';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ExemptionEntry } from '../../api.ts';
import { ArticleLink, regulationPath } from '../../catalog/law-link.tsx';
import { indexBy, useCatalog } from '../../catalog/use-catalog.ts';
import { namesOf, RowCount } from '../../catalog/list-filters.tsx';
import { articleLabel } from '../../format.ts';
import { Link } from 'react-router-dom';
import { PageFrame } from '../page-frame.tsx';

interface Basis {
  regulationId: string;
  article: number;
  text: string | null;
  entries: number;
}

export default function ExemptionsPage() {
  const load = useCatalog('exemptions');
  const regulations = useCatalog('regulations');
  const regions = useCatalog('regions');
  const [domain, setDomain] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const regulationIndex = useMemo(() => indexBy(regulations.data, 'id'), [regulations.data]);
  const regionNames = useMemo(() => namesOf(regions.data), [regions.data]);
  const all = useMemo(() => load.data ?? [], [load.data]);

  const bases = useMemo<Basis[]>(() => {
    const m = new Map<string, Basis>();
    for (const e of all) {
      const key = `${e.basis_regulation_id}#${e.basis_article}`;
      const b = m.get(key) ?? { regulationId: e.basis_regulation_id, article: e.basis_article, text: e.basis_text, entries: 0 };
      b.entries += 1;
      m.set(key, b);
    }
    return [...m.values()];
  }, [all]);
  const domains = useMemo(() => [...new Set(all.map((e) => e.domain))], [all]);
  const rows = useMemo(() => {
    const q = query.trim();
    return all.filter((e) => (!domain || e.domain === domain) && (!q || e.item_name.includes(q) || e.conditions.includes(q)));
  }, [all, domain, query]);

  return (
    <PageFrame testId="exemptions-page" title="轻微违法不予处罚清单" subtitle="本辖区适用的全省清单及本市清单（首违不罚）" load={load}>
      {bases.map((b) => {
        const regulation = regulationIndex.get(b.regulationId);
        return (
          <Card
            key={`${b.regulationId}#${b.article}`}
            size="small"
            style={{ marginBottom: 16, borderColor: '#91caff', background: '#f0f7ff' }}
            title={
              <Space wrap>
                <span>法律依据</span>
                <Link to={regulationPath(b.regulationId, b.article)}>
                  《{regulation?.title ?? b.regulationId}》{articleLabel(b.article)}
                </Link>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  清单中 {b.entries} 项据此不予处罚
                </Typography.Text>
              </Space>
            }
          >
            <div data-testid="exemption-basis" data-regulation={b.regulationId} data-article={b.article}>
              {b.text ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, lineHeight: 1.9 }}>
                  <Typography.Text strong style={{ marginRight: 8 }}>
                    {articleLabel(b.article)}
                  </Typography.Text>
                  {b.text}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">（条文未收录）</Typography.Text>
              )}
            </div>
          </Card>
        );
      })}

      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="领域"
          style={{ width: 160 }}
          value={domain}
          onChange={setDomain}
          options={domains.map((d) => ({ value: d, label: d }))}
        />
        <Input.Search allowClear placeholder="按事项或情形查找" onChange={(e) => setQuery(e.target.value)} style={{ width: 260 }} />
        <RowCount count={rows.length} testId="exemptions-count" />
      </Space>
      <Table<ExemptionEntry>
        data-testid="exemptions-table"
        rowKey="id"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 项`, hideOnSinglePage: true }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 140 },
          { title: '领域', dataIndex: 'domain', width: 110 },
          {
            title: '违法行为',
            dataIndex: 'item_name',
            width: 260,
            render: (name: string, e) => (
              <span>
                {name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {e.item_code}
                </Typography.Text>
              </span>
            ),
          },
          { title: '不予处罚情形', dataIndex: 'conditions' },
          {
            title: '适用范围',
            dataIndex: 'region_code',
            width: 100,
            render: (code: string) => (
              <Tag color={code === '330000' ? 'blue' : 'purple'}>{code === '330000' ? '全省' : (regionNames.get(code) ?? code)}</Tag>
            ),
          },
          {
            title: '依据',
            key: 'basis',
            width: 200,
            render: (_: unknown, e) => (
              <Space direction="vertical" size={2}>
                <ArticleLink
                  regulationId={e.basis_regulation_id}
                  article={e.basis_article}
                  regulations={regulationIndex}
                  testId="exemption-basis-link"
                />
                {e.list_regulation_id && (
                  <Link to={regulationPath(e.list_regulation_id)} style={{ fontSize: 12 }}>
                    《{regulationIndex.get(e.list_regulation_id)?.title ?? e.list_regulation_id}》
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </PageFrame>
  );
}
