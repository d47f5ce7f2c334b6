// 回访问卷 (/survey/:campaignId?t=…): the public, phone-sized page an enterprise opens from a link or
// a QR code — no account, no console shell. GET /survey/:id shows the questionnaire with the record's
// facts (the agency, the day; nothing personal); the questions follow their branches as the answers
// change; POST /survey/:id sends the answers once (the token is single use; the server says why a
// link is refused: forged, expired, used, or another survey's).
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Layout, Radio, Rate, Result, Space, Spin, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, errorText, type FollowupQuestion } from '../../api.ts';
import { answersToSend, isShown, missingAnswer } from '../../followup/survey-rules.ts';
import { useLoad } from '../../use-load.ts';

function QuestionInput({ q, value, onChange }: { q: FollowupQuestion; value: string; onChange: (v: string) => void }) {
  switch (q.type) {
    case 'yesno':
      return (
        <Radio.Group
          value={value || undefined}
          onChange={(e) => onChange(e.target.value as string)}
          optionType="button"
          buttonStyle="solid"
          data-testid={`survey-q-${q.id}`}
        >
          <Radio.Button value="是">是</Radio.Button>
          <Radio.Button value="否">否</Radio.Button>
        </Radio.Group>
      );
    case 'choice':
      return (
        <Radio.Group value={value || undefined} onChange={(e) => onChange(e.target.value as string)} data-testid={`survey-q-${q.id}`}>
          <Space direction="vertical">
            {(q.options ?? []).map((o) => (
              <Radio key={o} value={o}>
                {o}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'rating':
      return (
        <span data-testid={`survey-q-${q.id}`}>
          <Rate
            value={Number(value) || 0}
            onChange={(n) => onChange(n ? String(n) : '')}
            tooltips={['很不满意', '不太满意', '一般', '比较满意', '非常满意']}
            style={{ fontSize: 30 }}
          />
        </span>
      );
    case 'number':
      return (
        <InputNumber
          min={0}
          max={999999999}
          value={value === '' ? null : Number(value)}
          onChange={(n) => onChange(n === null ? '' : String(n))}
          inputMode="numeric"
          style={{ width: 160 }}
          data-testid={`survey-q-${q.id}`}
        />
      );
    default:
      return (
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`survey-q-${q.id}`}
        />
      );
  }
}

export default function SurveyPage() {
  const { campaignId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const load = useLoad((signal) => api.followup.survey(campaignId, token, signal), [campaignId, token]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const s = load.data;
  const submit = async () => {
    if (!s) return;
    const missing = missingAnswer(s.questions, answers);
    if (missing) return setError(`请回答：${missing.text}`);
    setSending(true);
    setError(null);
    try {
      setDone((await api.followup.submitSurvey(campaignId, token, answersToSend(s.questions, answers))).message);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Content
        style={{ maxWidth: 480, width: '100%', margin: '0 auto', padding: 12 }}
        data-testid="survey-page"
        data-state={done ? 'done' : load.state}
      >
        <Typography.Title level={4} style={{ textAlign: 'center', margin: '12px 0' }}>
          行政执法监督回访
        </Typography.Title>
        {load.state === 'loading' && <Spin style={{ display: 'block', margin: 48 }} />}
        {load.state === 'error' && (
          <Result
            status="warning"
            title={load.message}
            data-testid="survey-refused"
            subTitle="如有疑问，请与发出问卷的司法行政机关联系。"
          />
        )}
        {done && <Result status="success" title={done} data-testid="survey-done" />}
        {s && !done && (
          <Card size="small" data-testid="survey-form">
            <Typography.Title level={5}>{s.title}</Typography.Title>
            <Typography.Paragraph type="secondary">{s.intro}本问卷只用于监督执法，不会影响贵单位。</Typography.Paragraph>
            <Form layout="vertical">
              {s.questions
                .filter((q) => isShown(q, answers))
                .map((q, i) => (
                  <Form.Item key={q.id} label={`${i + 1}. ${q.text}`} required={q.required} data-testid="survey-question" data-id={q.id}>
                    <QuestionInput
                      q={q}
                      value={answers[q.id] ?? ''}
                      onChange={(v) => {
                        setError(null);
                        setAnswers((a) => ({ ...a, [q.id]: v }));
                      }}
                    />
                  </Form.Item>
                ))}
            </Form>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="survey-error" />}
            <Button type="primary" block size="large" loading={sending} onClick={() => void submit()} data-testid="survey-submit">
              提交
            </Button>
          </Card>
        )}
      </Layout.Content>
    </Layout>
  );
}
