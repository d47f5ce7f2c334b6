// 区划: the GB/T 2260 tree of Zhejiang, province → cities → counties (GET /catalog/regions).
import { useMemo, useState } from 'react';
import { Card, Col, Descriptions, Empty, Input, Row, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import type { RegionEntry } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { REGION_LEVEL_LABELS } from '../../labels.ts';
import { useUser } from '../../session.tsx';
import { PageFrame } from '../page-frame.tsx';

/** Whether `code` lies in the subtree of `root` (GB/T 2260 prefixes: 33, 3301, 330111). */
function within(root: string, code: string): boolean {
  const prefix = root.endsWith('0000') ? root.slice(0, 2) : root.endsWith('00') ? root.slice(0, 4) : root;
  return code.startsWith(prefix);
}

function buildTree(rows: RegionEntry[], query: string, jurisdiction: string): { nodes: TreeDataNode[]; matched: Set<string> } {
  const children = new Map<string | null, RegionEntry[]>();
  for (const r of rows) {
    const list = children.get(r.parent_code) ?? [];
    list.push(r);
    children.set(r.parent_code, list);
  }
  const matched = new Set<string>();
  const q = query.trim();
  const build = (parent: string | null): TreeDataNode[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .flatMap((r) => {
        const kids = build(r.code);
        const hit = q !== '' && (r.name.includes(q) || r.code.startsWith(q));
        if (hit) matched.add(r.code);
        // While searching, keep a node only if it or a descendant matches.
        if (q !== '' && !hit && kids.length === 0) return [];
        return [
          {
            key: r.code,
            title: (
              <span data-testid={`region-node-${r.code}`} data-level={r.level}>
                <span style={hit ? { background: '#fff1b8' } : undefined}>{r.name}</span>
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {r.code}
                </Typography.Text>
                {r.code === jurisdiction && (
                  <Tag color="blue" style={{ marginLeft: 8 }}>
                    本辖区
                  </Tag>
                )}
              </span>
            ),
            children: kids.length ? kids : undefined,
            isLeaf: kids.length === 0,
          },
        ];
      });
  return { nodes: build(null), matched };
}

export default function RegionsPage() {
  const user = useUser();
  const load = useCatalog('regions');
  const rows = useMemo(() => load.data ?? [], [load.data]);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string>(user.regionCode);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const { nodes, matched } = useMemo(() => buildTree(rows, query, user.regionCode), [rows, query, user.regionCode]);
  // Default: province and cities open, so every county is one glance away.
  const defaultExpanded = useMemo(() => rows.filter((r) => r.level !== 'county').map((r) => r.code), [rows]);
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);
  const region = byCode.get(selected);
  const counts = useMemo(() => {
    const c = { province: 0, city: 0, county: 0, township: 0 };
    for (const r of rows) c[r.level] += 1;
    return c;
  }, [rows]);

  return (
    <PageFrame
      testId="regions-page"
      title="区划"
      subtitle={`浙江省行政区划（GB/T 2260）：${counts.city} 个设区市、${counts.county} 个县（市、区）`}
      load={load}
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" loading={load.state === 'loading' && rows.length === 0}>
            <Input.Search
              allowClear
              placeholder="按名称或代码查找"
              onChange={(e) => setQuery(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="region-search"
            />
            {nodes.length === 0 ? (
              <Empty description={query ? '没有匹配的区划' : '暂无数据'} />
            ) : (
              <div data-testid="region-tree" data-count={rows.length}>
                <Tree
                  treeData={nodes}
                  showLine
                  expandedKeys={query ? [...rows.map((r) => r.code)] : (expanded ?? defaultExpanded)}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={[selected]}
                  onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
                  height={640}
                />
              </div>
            )}
            {query && matched.size > 0 && <Typography.Text type="secondary">共 {matched.size} 个匹配</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="区划信息" data-testid="region-detail">
            {region ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="名称">{region.name}</Descriptions.Item>
                <Descriptions.Item label="代码">{region.code}</Descriptions.Item>
                <Descriptions.Item label="层级">{REGION_LEVEL_LABELS[region.level] ?? region.level}</Descriptions.Item>
                <Descriptions.Item label="上级">
                  {region.parent_code ? (byCode.get(region.parent_code)?.name ?? region.parent_code) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="下级区划">{rows.filter((r) => r.parent_code === region.code).length || '—'}</Descriptions.Item>
                <Descriptions.Item label="本人辖区">
                  {within(user.regionCode, region.code) ? <Tag color="blue">在辖区内</Tag> : <Tag>辖区外</Tag>}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description="在左侧选择区划" />
            )}
          </Card>
        </Col>
      </Row>
    </PageFrame>
  );
}
