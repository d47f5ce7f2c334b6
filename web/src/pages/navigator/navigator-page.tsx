// 裁量导航: the officer picks the item (by name, code or everyday words), the county, ticks the facts,
// pastes the facts text and, if there is one, the proposed decision; the navigator answers with the
// basis, the tier, the exemption, the history and the similar cases (POST /navigator/assess). A bad
// field comes back named by the server and is shown on that field. Supervisors also see 待复核, the
// decisions the discretion models flagged (GET /navigator/review).
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, api, errorText, type AssessRequest, type AssessResult, type ItemMatch, type ReviewRow } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { formatAmount, formatInstant } from '../../format.ts';
import { TIER_LABELS } from '../../labels.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { AssessmentView } from './assessment-view.tsx';

interface FormValues {
  item?: string;
  regionCode?: string;
  firstOffence: boolean;
  corrected: boolean;
  cooperation: boolean;
  harm: 'none' | 'minor' | 'serious';
  illegalGains?: number | null;
  amountInvolved?: number | null;
  lossAmount?: number | null;
  repeatWithinMonths?: number | null;
  text?: string;
  decision: 'none' | 'no_penalty' | 'warning' | 'fine';
  fine?: number | null;
  confiscation: boolean;
}

/** The server's field names (facts.lossAmount) → the form's. */
const FIELD_OF: Record<string, keyof FormValues> = {
  item: 'item',
  regionCode: 'regionCode',
  'facts.firstOffence': 'firstOffence',
  'facts.corrected': 'corrected',
  'facts.harm': 'harm',
  'facts.illegalGains': 'illegalGains',
  'facts.amountInvolved': 'amountInvolved',
  'facts.lossAmount': 'lossAmount',
  'facts.cooperation': 'cooperation',
  'facts.repeatWithinMonths': 'repeatWithinMonths',
  'facts.text': 'text',
  'proposed.decision': 'decision',
  'proposed.fine': 'fine',
};

export function requestOf(v: FormValues): AssessRequest {
  return {
    item: v.item ?? '',
    regionCode: v.regionCode ?? '',
    facts: {
      firstOffence: v.firstOffence,
      corrected: v.corrected,
      harm: v.harm,
      cooperation: v.cooperation,
      illegalGains: v.illegalGains ?? null,
      amountInvolved: v.amountInvolved ?? null,
      lossAmount: v.lossAmount ?? null,
      repeatWithinMonths: v.repeatWithinMonths ?? null,
      text: v.text?.trim() || null,
    },
    proposed:
      v.decision === 'none'
        ? null
        : { decision: v.decision, fine: v.decision === 'fine' ? (v.fine ?? null) : null, confiscation: v.confiscation },
  };
}

function ItemPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [matches, setMatches] = useState<ItemMatch[]>([]);
  const [searching, setSearching] = useState(false);
  const search = (q: string) => {
    if (!q.trim()) return setMatches([]);
    setSearching(true);
    api
      .navigatorItems(q)
      .then((r) => setMatches(r.rows))
      .catch(() => setMatches([]))
      .finally(() => setSearching(false));
  };
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      placeholder="输入事项编码、名称或日常说法，如“无照经营”“乱倒垃圾”"
      filterOption={false}
      onSearch={search}
      notFoundContent={searching ? <Spin size="small" /> : null}
      data-testid="item-picker"
      options={matches.map((m) => ({
        value: m.code,
        label: (
          <span data-testid="item-option" data-code={m.code}>
            {m.code} {m.name}
            {m.matchedBy === 'synonym' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                （俗称：{m.matched}）
              </Typography.Text>
            )}
          </span>
        ),
      }))}
    />
  );
}

function AssessTab() {
  const user = useUser();
  const regions = useCatalog('regions');
  const [form] = Form.useForm<FormValues>();
  const [result, setResult] = useState<AssessResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);
  // The counties the caller may assess: their own, or those under their city or province.
  const counties = useMemo(() => {
    const prefix = user.regionCode.endsWith('0000')
      ? user.regionCode.slice(0, 2)
      : user.regionCode.endsWith('00')
        ? user.regionCode.slice(0, 4)
        : user.regionCode;
    return (regions.data ?? []).filter((r) => r.level === 'county' && r.code.startsWith(prefix));
  }, [regions.data, user.regionCode]);

  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    form.setFields(Object.values(FIELD_OF).map((name) => ({ name, errors: [] })));
    try {
      setResult(await api.assess(requestOf(values)));
    } catch (e) {
      setResult(null);
      const message = errorText(e);
      setError(message);
      const field = e instanceof ApiError && e.field ? FIELD_OF[e.field] : undefined;
      if (field) form.setFields([{ name: field, errors: [message] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card size="small" title="案件情况">
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            data-testid="navigator-form"
            initialValues={{
              firstOffence: false,
              corrected: false,
              cooperation: false,
              harm: 'minor',
              decision: 'none',
              confiscation: false,
              regionCode: user.regionCode.length === 6 && !user.regionCode.endsWith('00') ? user.regionCode : undefined,
            }}
          >
            <Form.Item name="item" label="处罚事项" rules={[{ required: true, message: '请选择处罚事项' }]}>
              <ItemPicker />
            </Form.Item>
            <Form.Item name="regionCode" label="案件所在县（市、区）" rules={[{ required: true, message: '请选择区划' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={regions.state === 'loading'}
                data-testid="region-picker"
                options={counties.map((r) => ({ value: r.code, label: r.name }))}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="firstOffence" valuePropName="checked" noStyle>
                <Checkbox data-testid="fact-first">初次违法</Checkbox>
              </Form.Item>
              <Form.Item name="corrected" valuePropName="checked" noStyle>
                <Checkbox data-testid="fact-corrected">及时改正</Checkbox>
              </Form.Item>
              <Form.Item name="cooperation" valuePropName="checked" noStyle>
                <Checkbox>积极配合调查</Checkbox>
              </Form.Item>
            </Space>
            <Form.Item name="harm" label="危害后果" style={{ marginTop: 12 }}>
              <Radio.Group
                data-testid="fact-harm"
                options={[
                  { value: 'none', label: '未造成危害后果' },
                  { value: 'minor', label: '轻微' },
                  { value: 'serious', label: '较大' },
                ]}
              />
            </Form.Item>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="illegalGains" label="违法所得（元）">
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="amountInvolved" label="涉案/货值金额（元）">
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lossAmount" label="造成损失（元）">
                  <InputNumber style={{ width: '100%' }} data-testid="fact-loss" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="repeatWithinMonths" label="距上次同类处罚（月）">
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="text" label="违法事实">
              <Input.TextArea
                rows={4}
                maxLength={5000}
                placeholder="粘贴案情描述：时间、地点、行为方式、数量、持续时间、情节"
                data-testid="fact-text"
              />
            </Form.Item>
            <Form.Item name="decision" label="拟作决定">
              <Radio.Group
                data-testid="proposed-decision"
                options={[
                  { value: 'none', label: '未拟定' },
                  { value: 'no_penalty', label: '不予处罚' },
                  { value: 'warning', label: '警告' },
                  { value: 'fine', label: '罚款' },
                ]}
              />
            </Form.Item>
            {decision === 'fine' && (
              <Space align="start">
                <Form.Item name="fine" label="罚款数额（元）">
                  <InputNumber style={{ width: 160 }} data-testid="proposed-fine" />
                </Form.Item>
                <Form.Item name="confiscation" valuePropName="checked" label=" ">
                  <Checkbox>没收违法所得</Checkbox>
                </Form.Item>
              </Space>
            )}
            <Button type="primary" htmlType="submit" loading={busy} block data-testid="assess-button">
              评估
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {error && (
          <Alert type="error" showIcon title="无法评估" description={error} style={{ marginBottom: 12 }} data-testid="assess-error" />
        )}
        {result ? (
          <AssessmentView a={result} />
        ) : (
          !error && (
            <Card size="small">
              <Typography.Text type="secondary">
                填写左侧案件情况后点击“评估”，查看法律依据、裁量档次、免罚条件、历史处罚分布和类案。
              </Typography.Text>
            </Card>
          )
        )}
      </Col>
    </Row>
  );
}

function ReviewTab() {
  const load = useLoad((signal) => api.reviewList(signal), []);
  return (
    <div data-testid="review-list" data-state={load.state} data-total={load.data?.total}>
      {load.state === 'error' && <Alert type="error" showIcon title="无法读取待复核清单" description={load.message} />}
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        由“过罚不当”“应免未免”“裁量偏离”模型在决定入库时实时标记（批量运行同样标记），共 {load.data?.total ?? '—'} 件
      </Typography.Text>
      <Table<ReviewRow>
        size="small"
        rowKey="caseId"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        onRow={(r) => ({ 'data-testid': 'review-row', 'data-id': r.caseId }) as object}
        columns={[
          {
            title: '案件',
            dataIndex: 'caseId',
            width: 150,
            render: (id: string) => <Link to={`/records/cases?id=${encodeURIComponent(id)}`}>{id}</Link>,
          },
          { title: '当事人', dataIndex: 'entityName', ellipsis: true },
          { title: '事项', dataIndex: 'itemName', ellipsis: true },
          { title: '区划', dataIndex: 'regionName', width: 90 },
          { title: '执法主体', dataIndex: 'agencyName', ellipsis: true },
          {
            title: '决定',
            width: 150,
            render: (_, r) =>
              `${r.decision === 'fine' && r.fine !== null ? `罚款${formatAmount(r.fine)}元` : r.decision === 'warning' ? '警告' : '不予处罚'}（${TIER_LABELS[r.tier as keyof typeof TIER_LABELS] ?? '未载明'}）`,
          },
          {
            title: '复核理由',
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                {r.reasons.map((x) => (
                  <span key={x.clueId} title={x.explanation}>
                    <Tag color="orange">{x.modelName}</Tag>
                    <Link to={`/clues/${encodeURIComponent(x.clueId)}`}>线索</Link>
                  </span>
                ))}
              </Space>
            ),
          },
          { title: '标记时间', dataIndex: 'flaggedAt', width: 150, render: (v: string) => formatInstant(v) },
        ]}
      />
    </div>
  );
}

export default function NavigatorPage() {
  const user = useUser();
  return (
    <PageFrame
      testId="navigator-page"
      title="裁量导航"
      subtitle="行政裁量权智审：法律依据、裁量档次、免罚条件、历史处罚中位数与离散度、类案推送"
      state="ready"
    >
      <Tabs
        items={[
          { key: 'assess', label: '裁量评估', children: <AssessTab /> },
          ...(user.can.reviewDecisions ? [{ key: 'review', label: '待复核', children: <ReviewTab /> }] : []),
        ]}
      />
    </PageFrame>
  );
}
