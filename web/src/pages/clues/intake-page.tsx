// 大监督 (/social): clues from outside the model library, entered in the console (POST /clues) —
// an invited supervisor's field report, and for supervisors also what enterprise contact points,
// follow-ups and the media raise. A report on a matter already open in the county is linked to that
// clue, not doubled; the answer says which. Supervisors also take in the imported 12345 tickets
// (POST /hotline-tickets/intake). The public reports its own problems through the portal (/portal).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { GlobalOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, errorText, type ConsoleClueInput, type ConsoleSource, type IntakeResult, type Severity } from '../../api.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { regionContains, SEVERITY_LABELS, SOURCE_LABELS } from '../../clues/clue-rules.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { SubmitError, useSubmit } from '../../submit.tsx';
import { PageFrame } from '../page-frame.tsx';

/** The order the sources are offered in; which of them a user may enter is the server's (GET /auth/me clueSources). */
const SOURCE_ORDER: ConsoleSource[] = ['contact_point', 'media', 'followup', 'invited'];

function IntakeForm() {
  const user = useUser();
  const sources = SOURCE_ORDER.filter((s) => user.clueSources.includes(s));
  const regions = useCatalog('regions');
  const [form] = Form.useForm<ConsoleClueInput>();
  const regionCode = Form.useWatch('regionCode', form);
  const agencies = useLoad(
    (signal) => (regionCode ? api.portal.agencies(regionCode.slice(0, 6), signal) : Promise.resolve({ rows: [] })),
    [regionCode],
  );
  const { saving, error, run } = useSubmit();
  const [result, setResult] = useState<IntakeResult | null>(null);

  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level === 'county' && regionContains(user.regionCode, r.code))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({ value: r.code, label: r.name })),
    [regions.data, user.regionCode],
  );

  // A county's own staff have one county to choose: choose it for them.
  useEffect(() => {
    if (regionOptions.length === 1 && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', regionOptions[0]!.value);
  }, [regionOptions, form]);

  const submit = async (v: ConsoleClueInput) => {
    setResult(null);
    await run(async () => {
      const r = await api.createClue({
        ...v,
        title: v.title?.trim() || undefined,
        subjectName: v.subjectName?.trim() || undefined,
        entityUscc: v.entityUscc?.trim().toUpperCase() || undefined,
        content: v.content.trim(),
      });
      setResult(r);
      form.resetFields(['title', 'content', 'subjectName', 'entityUscc']);
    });
  };

  if (sources.length === 0) {
    return <Alert type="info" showIcon title="您的角色不录入线索：执法部门通过「协同指挥」办理交办的线索。" />;
  }
  return (
    <Form<ConsoleClueInput>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={saving}
      initialValues={{ source: sources[0], severity: 'medium' }}
      data-testid="intake-form"
    >
      <SubmitError error={error} testId="intake-error" />
      {result && (
        <Alert
          type={result.linked ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="intake-result"
          data-clue={result.clueId}
          data-linked={result.linked ? 'true' : 'false'}
          title={
            result.linked ? (
              <span>
                与已有线索 <Link to={`/clues/${encodeURIComponent(result.clueId)}`}>{result.clueId}</Link> 反映的是同一事项
                {result.similarity !== null ? `（相似度 ${result.similarity.toFixed(2)}）` : ''}，已并入该线索。
              </span>
            ) : (
              <span>
                已生成线索 <Link to={`/clues/${encodeURIComponent(result.clueId)}`}>{result.clueId}</Link>，待监督员研判。
              </span>
            )
          }
        />
      )}
      <Form.Item name="source" label="线索来源" rules={[{ required: true }]}>
        <Radio.Group data-testid="intake-source" options={sources.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label="发生地" rules={[{ required: true, message: '请选择县（市、区）' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={regionOptions}
              loading={regions.state === 'loading'}
              onChange={() => form.setFieldValue('agencyId', undefined)}
              data-testid="intake-region"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="agencyId" label="涉及的执法主体">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!regionCode}
              loading={agencies.state === 'loading'}
              options={(agencies.data?.rows ?? []).map((a) => ({ value: a.id, label: a.name }))}
              data-testid="intake-agency"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subjectName" label="涉及的企业或对象">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="entityUscc"
            label="统一社会信用代码"
            rules={[{ pattern: /^[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{18}$/, message: '统一社会信用代码为18位' }]}
          >
            <Input maxLength={18} placeholder="选填" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label="标题">
        <Input maxLength={200} placeholder="选填，不填则取内容开头" data-testid="intake-title" />
      </Form.Item>
      <Form.Item
        name="content"
        label="线索内容"
        rules={[{ required: true, whitespace: true, min: 5, message: '请填写线索内容（至少5个字）' }]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="intake-content" />
      </Form.Item>
      {user.can.takeInHotline && (
        <Form.Item name="severity" label="严重程度">
          <Radio.Group options={(['high', 'medium', 'low'] as Severity[]).map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
        </Form.Item>
      )}
      {/* Not a submit button: Enter in a select's search box must not send the form. */}
      <Button type="primary" onClick={() => form.submit()} loading={saving} data-testid="intake-submit">
        录入线索
      </Button>
    </Form>
  );
}

function HotlineIntake() {
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ looked: number; clues: number; linked: number } | null>(null);
  const run = async () => {
    setRunning(true);
    try {
      setResult(await api.hotlineIntake());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Card size="small" title="12345 热线工单" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        批量导入的工单中，涉及执法行为的（执法投诉、重复检查、乱罚款等）生成线索，同一事项并入已有线索；其余由承办部门自行办理。对接系统推送的工单即时研判。
      </Typography.Paragraph>
      <Button icon={<PhoneOutlined />} loading={running} onClick={run} data-testid="hotline-intake">
        研判未处理的工单
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="hotline-intake-result"
          data-looked={result.looked}
          title={`研判工单 ${result.looked} 件：生成线索 ${result.clues} 条，并入已有线索 ${result.linked} 件`}
        />
      )}
    </Card>
  );
}

export default function IntakePage() {
  const user = useUser();
  return (
    <PageFrame
      testId="intake-page"
      title="大监督"
      subtitle="特邀监督员、企业联系点、回访、媒体舆情和 12345 热线反映的执法问题"
      state="ready"
    >
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title="录入线索" style={{ marginBottom: 16 }}>
            <IntakeForm />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {user.can.takeInHotline && <HotlineIntake />}
          <Card size="small" title="公众监督门户">
            <Typography.Paragraph type="secondary">
              群众无需账号即可反映执法问题，并凭查询码查询办理进度。门户地址可印制二维码张贴于办事大厅。
            </Typography.Paragraph>
            <a href="/portal" target="_blank" rel="noreferrer" data-testid="portal-link">
              <GlobalOutlined /> {window.location.origin}/portal
            </a>
          </Card>
        </Col>
      </Row>
    </PageFrame>
  );
}
