// One answer of the assistant: the sentence (copyable), notes, the table (exportable to Excel), the
// chart, the articles quoted, and the plan and SQL folded away; for a question it cannot answer, the
// examples of what it can (a click asks them).
import { App, Alert, Button, Card, Collapse, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AssistantAnswer } from '../../api.ts';
import { api } from '../../api.ts';
import { EChart } from '../../charts/echart.tsx';
import type { ChartOption } from '../../charts/chart-option.ts';
import { regulationPath } from '../../catalog/law-link.tsx';

const KIND_TAGS: Record<string, { color: string; label: string }> = {
  law: { color: 'blue', label: '法律' },
  data: { color: 'green', label: '数据' },
  platform: { color: 'purple', label: '平台' },
  refused: { color: 'red', label: '无权查询' },
  not_held: { color: 'orange', label: '未收录' },
  unsupported: { color: 'default', label: '无法回答' },
};

/** The answer as plain text for the clipboard: the sentence, the table, the articles. */
export function answerText(a: AssistantAnswer): string {
  const lines = [a.text];
  if (a.table) {
    lines.push(a.table.columns.map((c) => c.title).join('\t'));
    for (const r of a.table.rows) lines.push(a.table.columns.map((c) => String(r[c.key] ?? '')).join('\t'));
  }
  for (const c of a.citations) lines.push(`《${c.regulationTitle}》${c.label}：${c.text}`);
  return lines.join('\n');
}

export function AnswerCard({
  answer,
  askId,
  index,
  onAsk,
}: {
  answer: AssistantAnswer;
  askId: string;
  index: number;
  onAsk: (q: string) => void;
}) {
  const { message } = App.useApp();
  const tag = KIND_TAGS[answer.kind] ?? KIND_TAGS.unsupported;
  const copy = () =>
    navigator.clipboard.writeText(answerText(answer)).then(
      () => message.success('已复制'),
      () => message.error('复制失败'),
    );
  const folded = [
    ...(answer.citations.length
      ? [
          {
            key: 'citations',
            label: `依据条文（${answer.citations.length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="answer-citations">
                {answer.citations.map((c) => (
                  <div key={`${c.regulationId}#${c.article}`}>
                    <Link to={regulationPath(c.regulationId, c.article)}>
                      《{c.regulationTitle}》{c.label}
                    </Link>{' '}
                    <Tag>{c.role}</Tag>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{c.text}</Typography.Paragraph>
                  </div>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(answer.queries.length || answer.understood.length
      ? [
          {
            key: 'plan',
            label: `查询计划与 SQL（${answer.queries.length}）`,
            children: (
              <div data-testid="answer-plan">
                {answer.understood.length > 0 && (
                  <Typography.Paragraph type="secondary">理解：{answer.understood.join('；')}</Typography.Paragraph>
                )}
                {answer.queries.map((q, i) => (
                  <div key={i} style={{ marginBottom: 12 }}>
                    <ol style={{ margin: 0, paddingLeft: 20 }}>
                      {q.plan.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ol>
                    <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="answer-sql">
                      {q.sql}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">
                      参数：{JSON.stringify(q.params)} · {q.rows} 行 · {q.millis} ms
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      data-testid="answer"
      data-kind={answer.kind}
      title={
        <Space>
          <Tag color={tag.color}>{tag.label}</Tag>
          <Typography.Text type="secondary">{answer.question}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {answer.table && (
            <Button size="small" href={api.answerTableUrl(askId, index)} data-testid="answer-export">
              导出Excel
            </Button>
          )}
          <Button size="small" onClick={copy} data-testid="answer-copy">
            复制
          </Button>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="answer-text">
        {answer.text}
      </Typography.Paragraph>
      {answer.examples && (
        <Space wrap style={{ marginBottom: 8 }}>
          {answer.examples.map((e) => (
            <Tag key={e} color="processing" style={{ cursor: 'pointer' }} onClick={() => onAsk(e)}>
              {e}
            </Tag>
          ))}
        </Space>
      )}
      {answer.notes.map((n) => (
        <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
      ))}
      {answer.chart && (
        <EChart option={answer.chart as ChartOption} height={Math.max(240, Math.min(520, (answer.table?.rows.length ?? 0) * 28))} />
      )}
      {answer.table && (
        <Table
          size="small"
          data-testid="answer-table"
          rowKey={(_, i) => String(i)}
          dataSource={answer.table.rows}
          pagination={answer.table.rows.length > 20 ? { pageSize: 20 } : false}
          columns={answer.table.columns.map((c) => ({
            key: c.key,
            dataIndex: c.key,
            title: c.title,
            align: c.numeric ? ('right' as const) : undefined,
            render: (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(v ?? '')),
          }))}
        />
      )}
      {folded.length > 0 && <Collapse size="small" style={{ marginTop: 8 }} items={folded} />}
    </Card>
  );
}
