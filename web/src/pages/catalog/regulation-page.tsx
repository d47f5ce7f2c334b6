// 法规详情: one regulation article by article, verbatim (GET /catalog/regulations/:id), with a
// search within its text; ?article=33 opens it at 第三十三条 (the links of the item and exemption lists).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Input, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, type ArticleEntry } from '../../api.ts';
import { REGULATION_KIND_LABELS, REGULATION_STATUS_LABELS } from '../../labels.ts';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { STATUS_COLORS } from './regulations-page.tsx';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with every occurrence of the query marked. */
function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const parts = text.split(new RegExp(`(${escapeRegExp(query)})`, 'g'));
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

function ArticleBlock({ article, query, focused }: { article: ArticleEntry; query: string; focused: boolean }) {
  return (
    <div
      id={`article-${article.number}`}
      data-testid={`article-${article.number}`}
      data-number={article.number}
      data-focused={focused || undefined}
      style={{
        padding: '10px 12px',
        borderRadius: 6,
        marginBottom: 4,
        background: focused ? '#e6f4ff' : undefined,
        borderLeft: focused ? '3px solid #1677ff' : '3px solid transparent',
        scrollMarginTop: 16,
      }}
    >
      <Typography.Text strong style={{ marginRight: 8 }}>
        {highlight(article.label, query)}
      </Typography.Text>
      {article.text === null ? (
        <Typography.Text type="secondary">（条文未收录）</Typography.Text>
      ) : (
        // Paragraphs of an article are joined by \n in the corpus: keep them as paragraphs.
        <span style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{highlight(article.text, query)}</span>
      )}
    </div>
  );
}

export default function RegulationPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const focusedArticle = Number(params.get('article')) || null;
  const [query, setQuery] = useState(params.get('q') ?? '');
  const load = useLoad((signal) => api.regulation(id, signal), [id]);
  const regulation = load.data?.regulation;
  const articles = useMemo(() => load.data?.articles ?? [], [load.data]);
  const q = query.trim();
  const shown = useMemo(() => (q ? articles.filter((a) => a.label.includes(q) || (a.text ?? '').includes(q)) : articles), [articles, q]);

  // Open at the cited article once the text is there.
  useEffect(() => {
    if (load.state !== 'ready' || !focusedArticle) return;
    document.getElementById(`article-${focusedArticle}`)?.scrollIntoView({ block: 'start' });
  }, [load.state, focusedArticle]);

  const search = (value: string) => {
    setQuery(value);
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  return (
    <PageFrame
      testId="regulation-detail"
      title={<span data-testid="regulation-title">{regulation?.title ?? '法规'}</span>}
      documentTitle={regulation?.title ?? '法规'}
      load={load}
      extra={
        <Link to="/catalog/regulations">
          <Button icon={<ArrowLeftOutlined />}>返回法规列表</Button>
        </Link>
      }
    >
      {regulation && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label="类别">{REGULATION_KIND_LABELS[regulation.kind] ?? regulation.kind}</Descriptions.Item>
            <Descriptions.Item label="版本日期">{regulation.version_date ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="收录状态">
              <Tag color={STATUS_COLORS[regulation.status]}>{REGULATION_STATUS_LABELS[regulation.status] ?? regulation.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="条文">{articles.length} 条</Descriptions.Item>
            {regulation.source && (
              <Descriptions.Item label="来源" span={4}>
                {/^https?:\/\//.test(regulation.source) ? (
                  <a href={regulation.source} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                    {regulation.source}
                  </a>
                ) : (
                  regulation.source
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}

      {load.state === 'ready' && articles.length === 0 && (
        <Alert
          type="info"
          showIcon
          title="本法规的条文未收录"
          description="规则库仅按名称引用本法规；条文不在收录的法律语料中，系统不臆造条文。"
          data-testid="regulation-no-text"
        />
      )}

      {articles.length > 0 && (
        <Card
          size="small"
          title={
            <Space>
              <span>条文</span>
              {q && (
                <Typography.Text type="secondary" data-testid="regulation-match-count" data-count={shown.length}>
                  “{q}” 见于 {shown.length} 条
                </Typography.Text>
              )}
            </Space>
          }
          extra={
            <Input.Search
              allowClear
              defaultValue={query}
              placeholder="在条文中查找，如：初次违法"
              onSearch={search}
              onChange={(e) => e.target.value === '' && search('')}
              style={{ width: 280 }}
              data-testid="regulation-search"
            />
          }
        >
          {shown.length === 0 ? (
            <Empty description="没有包含该词的条文" />
          ) : (
            <div data-testid="regulation-articles" data-count={shown.length}>
              {shown.map((a) => (
                <ArticleBlock key={a.number} article={a} query={q} focused={a.number === focusedArticle} />
              ))}
            </div>
          )}
        </Card>
      )}
    </PageFrame>
  );
}
