// 行政行为码核验 (/verify/:code): the public, phone-sized page an enterprise opens by scanning the QR code
// on an inspection notice, or by typing the code — no account, no console shell. It shows what the code
// stands for (agencies, items and their legal basis, officers with certificate numbers, window) or why
// it cannot be trusted (malformed, invalid, not yet valid, expired, revoked), and after the visit takes
// the enterprise's rating (扫码评价): its credit code, a score and a comment, once per code. The guards
// are the server's (docs/inspections.md): a signed single-use form token, a honeypot, the rate limit.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Layout, Rate, Result, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorText, type CodeStatus, type CodeVerification } from '../../api.ts';
import { useLoad } from '../../use-load.ts';

const STATUS_RESULT: Record<CodeStatus, 'success' | 'warning' | 'error' | 'info'> = {
  valid: 'success',
  not_yet_valid: 'info',
  expired: 'warning',
  revoked: 'warning',
  invalid: 'error',
  malformed: 'error',
};

function CodeForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="输入16位行政行为码，如 1000-0042-7KQ3-M9XD"
        autoCapitalize="characters"
        data-testid="verify-input"
      />
      <Button type="primary" onClick={() => text.trim() && navigate(`/verify/${encodeURIComponent(text.trim())}`)} data-testid="verify-go">
        核验
      </Button>
    </Space.Compact>
  );
}

function RatingForm({ code, onDone }: { code: string; onDone: (message: string) => void }) {
  const token = useLoad((signal) => api.portal.formToken(signal), []);
  const [uscc, setUscc] = useState('');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async () => {
    if (!token.data) return;
    if (!uscc.trim()) return setError('请填写本企业统一社会信用代码');
    if (!score) return setError('请选择评分');
    setSending(true);
    setError(null);
    try {
      onDone((await api.actionCodes.rate(code, { formToken: token.data.token, entityUscc: uscc, score, comment, website })).message);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="检查评价（扫码评价）" data-testid="rating-form">
      <Form layout="vertical">
        <Form.Item label="本企业统一社会信用代码" required extra="仅被检查企业可以评价">
          <Input
            value={uscc}
            onChange={(e) => setUscc(e.target.value)}
            maxLength={18}
            autoCapitalize="characters"
            data-testid="rating-uscc"
          />
        </Form.Item>
        <Form.Item label="对本次检查的评分" required>
          <span data-testid="rating-score">
            <Rate
              value={score}
              onChange={setScore}
              tooltips={['很不满意', '不太满意', '一般', '比较满意', '非常满意']}
              style={{ fontSize: 30 }}
            />
          </span>
        </Form.Item>
        <Form.Item label="意见或建议（选填）">
          <Input.TextArea
            rows={3}
            maxLength={300}
            showCount
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="rating-comment"
          />
        </Form.Item>
        {/* Hidden from people; a bot filling every field fills this one too. */}
        <input
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
          style={{ position: 'absolute', left: -10000, width: 1, height: 1, opacity: 0 }}
          aria-hidden="true"
        />
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="rating-error" />}
      <Button
        type="primary"
        block
        size="large"
        loading={sending}
        disabled={!token.data}
        onClick={() => void submit()}
        data-testid="rating-submit"
      >
        提交评价
      </Button>
    </Card>
  );
}

function TaskFacts({ v }: { v: CodeVerification }) {
  const t = v.task!;
  return (
    <Card size="small" data-testid="verify-task">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="行政行为码">
          <Typography.Text code>{t.displayCode}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="检查对象">{t.entityName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="任务类型">{t.originLabel}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {t.validFrom} 至 {t.validTo}
        </Descriptions.Item>
        {t.parts.map((p, i) => (
          <Descriptions.Item key={i} label={t.parts.length > 1 ? `检查部门 ${i + 1}` : '检查部门'}>
            <div data-testid="verify-part">
              <div>{p.agencyName}</div>
              {p.itemName && <Typography.Text type="secondary">检查事项：{p.itemName}</Typography.Text>}
              {p.basis && (
                <div>
                  <Typography.Text type="secondary">依据：{p.basis}</Typography.Text>
                </div>
              )}
            </div>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="执法人员">
          {t.officers.map((o, i) => (
            <div key={i} data-testid="verify-officer">
              {o.name}（执法证号 {o.certificateNumber ?? '—'}）
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        执法人员入企检查时应出示执法证件，请核对姓名和证号与上表一致。
      </Typography.Paragraph>
    </Card>
  );
}

export default function VerifyPage() {
  const { code = '' } = useParams();
  const load = useLoad((signal) => api.actionCodes.verify(code, signal), [code]);
  const [done, setDone] = useState<string | null>(null);
  const v = load.data;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Content
        style={{ maxWidth: 480, width: '100%', margin: '0 auto', padding: 12 }}
        data-testid="verify-page"
        data-state={load.state}
        data-status={v?.status ?? ''}
      >
        <Typography.Title level={4} style={{ textAlign: 'center', margin: '12px 0' }}>
          行政行为码核验
        </Typography.Title>
        {load.state === 'loading' && <Spin style={{ display: 'block', margin: 48 }} />}
        {load.state === 'error' && <Result status="warning" title={load.message} data-testid="verify-refused" />}
        {v && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Result
              status={STATUS_RESULT[v.status]}
              title={<span data-testid="verify-message">{v.message}</span>}
              subTitle={v.revokedBecause === 'merged' ? '该检查已并入联合检查（综合查一次），请以联合检查的行政行为码为准。' : undefined}
              extra={v.status === 'revoked' ? <Tag color="orange">已撤销</Tag> : undefined}
              style={{ padding: '16px 0' }}
            />
            {v.task && <TaskFacts v={v} />}
            {v.rating &&
              (done ? (
                <Result status="success" title={done} data-testid="rating-done" />
              ) : v.rating.open ? (
                <RatingForm code={code} onDone={setDone} />
              ) : (
                <Alert type="info" showIcon title={v.rating.message} data-testid="rating-closed" />
              ))}
            <Card size="small" title="核验其他行政行为码">
              <CodeForm initial="" />
            </Card>
          </Space>
        )}
      </Layout.Content>
    </Layout>
  );
}
