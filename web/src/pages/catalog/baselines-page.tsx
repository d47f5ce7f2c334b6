// 裁量基准: for one penalty item, the baselines in force for the caller — the province's and, for a
// city with a "1+8" refinement, the city's — side by side: tiers as a table and as range bars on a
// shared axis (GET /catalog/baselines?item=CODE; the item list from /catalog/items).
import { useMemo, type HTMLAttributes } from 'react';
import { Card, Col, Descriptions, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, type BaselineEntry, type TierEntry } from '../../api.ts';
import { ArticleLink } from '../../catalog/law-link.tsx';
import { indexBy, useCatalog } from '../../catalog/use-catalog.ts';
import { namesOf } from '../../catalog/list-filters.tsx';
import { baselineRangeOption, sortTiers, TIER_COLORS, tierRangeText } from '../../charts/baseline-range-option.ts';
import { EChart } from '../../charts/echart.tsx';
import { fineRangeText } from '../../format.ts';
import { TIER_LABELS } from '../../labels.ts';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';

const PROVINCE = '330000';

function sameRange(a: TierEntry | undefined, b: TierEntry): boolean {
  return !!a && a.fine_min === b.fine_min && a.fine_max === b.fine_max && a.conditions === b.conditions;
}

function BaselineCard({
  baseline,
  regionName,
  province,
  xMax,
}: {
  baseline: BaselineEntry;
  regionName: string;
  /** The province's baseline of the same item, to mark what a city refines. */
  province: BaselineEntry | undefined;
  xMax: number;
}) {
  const tiers = sortTiers(baseline.tiers);
  const option = useMemo(() => baselineRangeOption(tiers, { xMax }), [tiers, xMax]);
  const refined = baseline.region_code !== PROVINCE;
  const provinceTiers = new Map((province?.tiers ?? []).map((t) => [t.tier, t]));
  return (
    <div data-testid={`baseline-card-${baseline.region_code}`} data-id={baseline.id} style={{ height: '100%' }}>
      <Card
        size="small"
        style={{ height: '100%' }}
        title={
          <Space wrap>
            <Tag color={refined ? 'purple' : 'blue'}>{refined ? `${regionName}细化` : '全省'}</Tag>
            <span style={{ whiteSpace: 'normal' }}>{baseline.title}</span>
          </Space>
        }
        extra={<Typography.Text type="secondary">自 {baseline.effective_from} 起施行</Typography.Text>}
      >
        <div data-testid={`baseline-chart-${baseline.region_code}`} data-count={tiers.length}>
          <EChart option={option} height={Math.max(160, tiers.length * 34 + 40)} />
        </div>
        <Table<TierEntry>
          data-testid={`baseline-tiers-${baseline.region_code}`}
          rowKey="tier"
          size="small"
          pagination={false}
          dataSource={tiers}
          onRow={(t) => ({ 'data-tier': t.tier }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '档次',
              dataIndex: 'tier',
              width: 110,
              render: (tier: TierEntry['tier'], t) => (
                <Space direction="vertical" size={2}>
                  <Tag color={TIER_COLORS[tier]} style={{ marginInlineEnd: 0 }}>
                    {TIER_LABELS[tier] ?? tier}
                  </Tag>
                  {refined && province && !sameRange(provinceTiers.get(tier), t) && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      本市细化
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '罚款幅度',
              key: 'range',
              width: 150,
              render: (_: unknown, t) => (
                <span data-testid="tier-range" data-min={t.fine_min} data-max={t.fine_max}>
                  {tierRangeText(t)}
                </span>
              ),
            },
            {
              title: '适用情形',
              dataIndex: 'conditions',
              render: (text: string) => <span style={{ fontSize: 13, lineHeight: 1.7 }}>{text}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}

export default function BaselinesPage() {
  const items = useCatalog('items');
  const regulations = useCatalog('regulations');
  const regions = useCatalog('regions');
  const [params, setParams] = useSearchParams();
  const penaltyItems = useMemo(() => (items.data ?? []).filter((i) => i.kind === 'penalty'), [items.data]);
  const itemCode = params.get('item') ?? penaltyItems[0]?.code ?? '';
  const load = useLoad((signal) => (itemCode ? api.baselines(itemCode, signal) : Promise.resolve({ rows: [] })), [itemCode]);
  const item = useMemo(() => indexBy(items.data, 'code').get(itemCode), [items.data, itemCode]);
  const regulationIndex = useMemo(() => indexBy(regulations.data, 'id'), [regulations.data]);
  const regionNames = useMemo(() => namesOf(regions.data), [regions.data]);

  // Province first, then the city refinement: the order in which the "1+8" system layers them.
  const baselines = useMemo(
    () =>
      [...(load.data?.rows ?? [])].sort((a, b) =>
        a.region_code === PROVINCE ? -1 : b.region_code === PROVINCE ? 1 : a.region_code.localeCompare(b.region_code),
      ),
    [load.data],
  );
  const province = baselines.find((b) => b.region_code === PROVINCE);
  // One axis for every card: the highest fine of any tier or of the statute.
  const xMax = Math.max(1, item?.fine_max ?? 0, ...baselines.flatMap((b) => b.tiers.map((t) => t.fine_max)));
  const state = items.state === 'error' ? 'error' : load.state;
  const error = items.state === 'error' ? items.message : load.state === 'error' ? load.message : undefined;

  return (
    <PageFrame
      testId="baselines-page"
      title="裁量基准"
      subtitle="行政处罚裁量基准：全省基准及设区市细化（“1+8”），档次自不予处罚至从重处罚"
      state={state}
      error={error}
      onRetry={() => (items.state === 'error' ? items.retry() : load.retry())}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>处罚事项</Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 520, maxWidth: '100%' }}
          placeholder="选择处罚事项"
          loading={items.state === 'loading'}
          value={itemCode || undefined}
          onChange={(code: string) => setParams({ item: code }, { replace: true })}
          options={penaltyItems.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
          data-testid="baseline-item-select"
        />
      </Space>

      {item && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="baseline-item-summary" data-item={item.code}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="事项">{item.name}</Descriptions.Item>
            <Descriptions.Item label="罚则">
              <ArticleLink regulationId={item.penalty_regulation_id} article={item.penalty_article} regulations={regulationIndex} />
            </Descriptions.Item>
            <Descriptions.Item label="法定罚款幅度">{fineRangeText(item.fine_min, item.fine_max)}</Descriptions.Item>
            {item.fine_note && (
              <Descriptions.Item label="罚则原文要点" span={3}>
                {item.fine_note}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}

      {load.state === 'ready' && baselines.length === 0 ? (
        <Card size="small">
          <Empty description={itemCode ? '该事项暂无适用于本辖区的裁量基准' : '请选择处罚事项'} />
        </Card>
      ) : (
        <Row gutter={[16, 16]} data-testid="baseline-list" data-count={baselines.length}>
          {baselines.map((b) => (
            <Col key={b.id} xs={24} xl={baselines.length > 1 ? 12 : 24}>
              <BaselineCard baseline={b} regionName={regionNames.get(b.region_code) ?? b.region_code} province={province} xMax={xMax} />
            </Col>
          ))}
        </Row>
      )}
    </PageFrame>
  );
}
