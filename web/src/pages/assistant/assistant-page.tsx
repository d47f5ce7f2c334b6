// AI助手: a chat in Chinese about the law, the jurisdiction's data and the platform. The left column
// lists the user's conversations (kept on the server); a follow-up continues the open one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import { api, errorText, type AssistantAsk, type AssistantConversation } from '../../api.ts';
import { PageFrame } from '../page-frame.tsx';
import { AnswerCard } from './answer-card.tsx';

const STARTERS = [
  '无照经营违反哪些规定?会受到哪些处罚?杭州市检查数量最多的10个事项是什么?',
  '今年各区县检查次数排名',
  '乱倒垃圾怎么罚？能免罚吗？',
];

export default function AssistantPage() {
  const [conversations, setConversations] = useState<AssistantConversation[]>([]);
  const [current, setCurrent] = useState<string | undefined>();
  const [asks, setAsks] = useState<AssistantAsk[]>([]);
  const [question, setQuestion] = useState('');
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);

  const loadList = useCallback(() => {
    api.conversations().then(
      (r) => {
        setConversations(r.rows);
        setState('ready');
      },
      (e: unknown) => {
        setError(errorText(e));
        setState('error');
      },
    );
  }, []);
  useEffect(loadList, [loadList]);
  // Braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void bottom.current?.scrollIntoView?.({ behavior: 'smooth' });
  }, [asks]);

  const open = (id: string) => {
    setCurrent(id);
    api.conversation(id).then(
      (r) => setAsks(r.asks),
      (e: unknown) => setError(errorText(e)),
    );
  };

  const send = async (text: string) => {
    const q = text.trim();
    if (!q || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.ask(q, current);
      setCurrent(r.conversationId);
      setAsks((list) => [...list, { ...r, id: r.askId, question: q, askedAt: new Date().toISOString() }]);
      setQuestion('');
      loadList();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageFrame
      testId="assistant-page"
      title="AI助手"
      subtitle="用中文提问法律规定、本辖区执法数据和平台功能；回答附依据条文和所执行的查询，可追问（如“那宁波呢”“按月看”）"
      state={state}
      error={error}
      onRetry={loadList}
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ width: 240, flex: 'none' }}>
          <Button
            block
            data-testid="assistant-new"
            onClick={() => {
              setCurrent(undefined);
              setAsks([]);
            }}
            style={{ marginBottom: 8 }}
          >
            新对话
          </Button>
          <List
            size="small"
            bordered
            data-testid="assistant-history"
            dataSource={conversations}
            locale={{ emptyText: '暂无对话' }}
            renderItem={(c) => (
              <List.Item
                onClick={() => open(c.id)}
                style={{ cursor: 'pointer', background: c.id === current ? '#e6f4ff' : undefined }}
                title={c.updatedAt}
              >
                <Typography.Text ellipsis style={{ width: 200 }}>
                  {c.title}
                </Typography.Text>
              </List.Item>
            )}
          />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          {asks.length === 0 && (
            <Empty description="可以这样问：" style={{ marginBottom: 16 }}>
              <Space direction="vertical">
                {STARTERS.map((s) => (
                  <Button key={s} type="link" onClick={() => void send(s)}>
                    {s}
                  </Button>
                ))}
              </Space>
            </Empty>
          )}
          {asks.map((ask) => (
            <div key={ask.id} data-testid="assistant-ask">
              <Typography.Paragraph strong style={{ background: '#f5f5f5', padding: '8px 12px', borderRadius: 6 }}>
                {ask.question}
              </Typography.Paragraph>
              {ask.answers.map((a, i) => (
                <AnswerCard key={i} answer={a} askId={ask.id} index={i} onAsk={(q) => void send(q)} />
              ))}
            </div>
          ))}
          <div ref={bottom} />
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input.TextArea
              data-testid="assistant-input"
              value={question}
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="输入问题，可一次问多个；Enter 发送，Shift+Enter 换行"
              onChange={(e) => setQuestion(e.target.value)}
              onPressEnter={(e) => {
                if (!e.shiftKey) {
                  e.preventDefault();
                  void send(question);
                }
              }}
            />
            <Button
              type="primary"
              loading={busy}
              onClick={() => void send(question)}
              data-testid="assistant-send"
              style={{ height: 'auto' }}
            >
              发送
            </Button>
          </Space.Compact>
        </div>
      </div>
    </PageFrame>
  );
}
