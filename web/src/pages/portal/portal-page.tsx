// 公众监督举报 (/portal): the public portal, outside the console and without an account. Anyone
// reports an enforcement problem and follows it by a code. The form follows the server's abuse guard
// (docs/clues.md "The public portal"): a signed form token fetched when the form opens
// (GET /portal/form-token), a honeypot field people never see (`website`, sent empty), and no
// submission sooner than minFillSeconds after the token was issued — a person who types faster just
// waits the rest of those seconds. Status by code: GET /portal/reports/:code (stage and dates only).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Layout, Result, Select, Space, Steps, Tabs, Typography } from 'antd';
import { CopyOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, errorText, type PortalFormToken, type PortalStatus } from '../../api.ts';
import { CONTACT_MAX, CONTENT_MAX, CONTENT_MIN, linkCount, MAX_LINKS } from '../../portal/portal-rules.ts';
import { useLoad } from '../../use-load.ts';
import { usePageTitle } from '../page-frame.tsx';

interface ReportValues {
  regionCode: string;
  agencyId?: string;
  subjectName?: string;
  content: string;
  contact?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ReportForm() {
  const [form] = Form.useForm<ReportValues>();
  const regions = useLoad((signal) => api.portal.regions(signal), []);
  const regionCode = Form.useWatch('regionCode', form);
  const agencies = useLoad(
    (signal) => (regionCode ? api.portal.agencies(regionCode, signal) : Promise.resolve({ rows: [] })),
    [regionCode],
  );
  const token = useRef<{ value: PortalFormToken; at: number } | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ code: string; message: string } | null>(null);

  const fetchToken = async () => {
    setTokenError(null);
    try {
      token.current = { value: await api.portal.formToken(), at: Date.now() };
    } catch (e) {
      token.current = null;
      setTokenError(errorText(e));
    }
  };
  useEffect(() => {
    void fetchToken();
  }, []);

  const cities = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const r of regions.data?.rows ?? []) {
      const list = groups.get(r.cityName) ?? [];
      list.push({ value: r.code, label: r.name });
      groups.set(r.cityName, list);
    }
    return [...groups].map(([city, options]) => ({
      label: city || '其他',
      title: city,
      options: options.map((o) => ({ ...o, label: `${city}${o.label}` })),
    }));
  }, [regions.data]);

  const submit = async (v: ReportValues) => {
    setError(null);
    setSending(true);
    try {
      if (!token.current) await fetchToken();
      const t = token.current;
      if (!t) throw new ApiError(0, 'NETWORK_ERROR', '无法获取表单令牌，请刷新页面后重试');
      // The server refuses a form sent sooner than minFillSeconds after its token: wait the rest.
      const wait = t.value.minFillSeconds * 1000 + 300 - (Date.now() - t.at);
      if (wait > 0) {
        setWaiting(true);
        await sleep(wait);
        setWaiting(false);
      }
      const r = await api.portal.report({
        formToken: t.value.token,
        regionCode: v.regionCode,
        agencyId: v.agencyId || undefined,
        subjectName: v.subjectName?.trim() || undefined,
        content: v.content.trim(),
        contact: v.contact?.trim() || undefined,
        website: honeypot.current?.value ?? '',
      });
      token.current = null;
      setDone({ code: r.followCode, message: r.message });
    } catch (e) {
      setError(errorText(e));
      // A token is single use and expires: any refusal of the form gets a fresh one for the next try.
      token.current = null;
      void fetchToken();
    } finally {
      setSending(false);
      setWaiting(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title="举报已受理"
        subTitle={done.message}
        data-testid="portal-result"
        data-code={done.code}
        extra={[
          <Typography.Title
            key="code"
            level={3}
            copyable={{ text: done.code, icon: <CopyOutlined /> }}
            data-testid="portal-follow-code"
            style={{ letterSpacing: 4 }}
          >
            {done.code}
          </Typography.Title>,
          <Link key="status" to={`/portal?tab=status&code=${done.code}`} data-testid="portal-result-status-link">
            <Button type="primary">查询进度</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              form.resetFields();
              void fetchToken();
            }}
          >
            继续举报
          </Button>,
        ]}
      />
    );
  }

  return (
    <Form<ReportValues> form={form} layout="vertical" onFinish={submit} disabled={sending} data-testid="portal-report-form">
      {tokenError && <Alert type="warning" showIcon title={tokenError} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="portal-error" />}
      <Form.Item name="regionCode" label="发生地（县、市、区）" rules={[{ required: true, message: '请选择发生地' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择或输入县（市、区）名称"
          options={cities}
          loading={regions.state === 'loading'}
          onChange={() => form.setFieldValue('agencyId', undefined)}
          data-testid="portal-region"
        />
      </Form.Item>
      <Form.Item name="agencyId" label="涉及的执法部门（选填）">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={regionCode ? '选择执法部门' : '请先选择发生地'}
          disabled={!regionCode}
          loading={agencies.state === 'loading'}
          options={(agencies.data?.rows ?? []).map((a) => ({ value: a.id, label: a.name }))}
          data-testid="portal-agency"
        />
      </Form.Item>
      <Form.Item name="subjectName" label="涉及的企业或事项（选填）">
        <Input maxLength={200} placeholder="如：被检查的企业名称" data-testid="portal-subject" />
      </Form.Item>
      <Form.Item
        name="content"
        label="反映的问题"
        rules={[
          { required: true, whitespace: true, message: '请描述反映的问题' },
          { min: CONTENT_MIN, message: `请至少写${CONTENT_MIN}个字，说明时间、地点和经过` },
          { max: CONTENT_MAX, message: `不超过${CONTENT_MAX}字` },
          {
            validator: (_, value: string | undefined) =>
              value && linkCount(value) > MAX_LINKS ? Promise.reject(new Error(`最多包含${MAX_LINKS}个网址`)) : Promise.resolve(),
          },
        ]}
      >
        <Input.TextArea
          rows={6}
          showCount
          maxLength={CONTENT_MAX}
          placeholder="请写明执法的时间、地点、部门和经过，例如：某月某日某部门在一周内对同一企业重复检查三次……"
          data-testid="portal-content"
        />
      </Form.Item>
      <Form.Item name="contact" label="联系方式（选填）" extra="仅办理人员可见，且脱敏显示；不填也可以凭查询码查询进度。">
        <Input maxLength={CONTACT_MAX} placeholder="手机号或电子邮箱" data-testid="portal-contact" />
      </Form.Item>
      {/* The honeypot: off screen, out of the tab order, hidden from screen readers; people leave it empty. */}
      <div aria-hidden="true" style={{ position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
        <label htmlFor="portal-website">网站</label>
        <input
          id="portal-website"
          ref={honeypot}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
          data-testid="portal-website"
        />
      </div>
      {/* Not a submit button: Enter in a select's search box must not send the report half written. */}
      <Button type="primary" onClick={() => form.submit()} loading={sending} block size="large" data-testid="portal-submit">
        {waiting ? '正在提交…' : '提交举报'}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        请如实反映情况。提交后会得到一个查询码，凭码可查询办理进度；查询结果不含任何个人信息。
      </Typography.Paragraph>
    </Form>
  );
}

function StatusLookup({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<PortalStatus | null>(null);

  const lookup = async (value: string) => {
    const c = value.trim().toUpperCase();
    if (!c) return;
    setLoading(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await api.portal.status(c));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? '未找到该查询码，请核对后重试' : errorText(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (initial) void lookup(initial);
  }, [initial]);

  return (
    <div data-testid="portal-lookup">
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Input
          size="large"
          placeholder="输入10位查询码"
          value={code}
          maxLength={20}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => lookup(code)}
          data-testid="portal-code"
        />
        <Button
          size="large"
          type="primary"
          icon={<SearchOutlined />}
          loading={loading}
          onClick={() => lookup(code)}
          data-testid="portal-lookup-submit"
        >
          查询
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon title={error} data-testid="portal-lookup-error" />}
      {status && (
        <Card size="small" data-testid="portal-status" data-stage={status.stage} data-code={status.code}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {status.stage}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            受理日期 {status.receivedAt.slice(0, 10)} · 最近更新 {status.updatedOn}
          </Typography.Paragraph>
          <Steps
            orientation="vertical"
            size="small"
            current={status.steps.length - 1}
            items={status.steps.map((s) => ({ title: s.stage, content: s.on, 'data-testid': 'portal-step' }) as never)}
          />
        </Card>
      )}
    </div>
  );
}

export default function PortalPage() {
  usePageTitle('公众监督举报');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'status' ? 'status' : 'report';
  const code = params.get('code') ?? '';
  useEffect(() => {
    document.title = '公众监督举报 · 刻度';
  }, []);

  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 50%)' }} data-testid="portal-page">
      <Layout.Header
        style={{
          background: '#fff',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderBottom: '1px solid #f0f0f0',
          padding: '0 24px',
        }}
      >
        <Space size={12}>
          <Typography.Text strong style={{ fontSize: 18, letterSpacing: 2 }}>
            刻度
          </Typography.Text>
          <Typography.Text>行政执法监督 · 公众监督举报</Typography.Text>
        </Space>
        <Link to="/login">工作人员登录</Link>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px', display: 'flex', justifyContent: 'center' }}>
        <Card style={{ width: 680, maxWidth: '100%' }}>
          <Typography.Paragraph type="secondary">
            对行政执法中的重复检查、乱罚款、执法不规范、"以罚代管"等问题，可以在这里反映。无需注册，司法行政机关执法监督部门受理并督促整改。
          </Typography.Paragraph>
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams(k === 'status' ? { tab: 'status' } : {}, { replace: true })}
            items={[
              { key: 'report', label: '我要举报', children: <ReportForm /> },
              { key: 'status', label: '进度查询', children: <StatusLookup key={code} initial={code} /> },
            ]}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
