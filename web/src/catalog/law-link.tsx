// A citation that opens the law at the article: 《行政处罚法》第三十三条 → /catalog/regulations/:id?article=33.
import { Link } from 'react-router-dom';
import type { RegulationEntry } from '../api.ts';
import { articleLabel, shortTitle } from '../format.ts';

export function regulationPath(id: string, article?: number | null): string {
  const base = `/catalog/regulations/${encodeURIComponent(id)}`;
  return article ? `${base}?article=${article}` : base;
}

export function ArticleLink({
  regulationId,
  article,
  regulations,
  testId = 'article-link',
}: {
  regulationId: string | null;
  article: number | null;
  regulations: Map<string, RegulationEntry>;
  testId?: string;
}) {
  if (!regulationId) return <span>—</span>;
  const regulation = regulations.get(regulationId);
  const title = regulation ? shortTitle(regulation.title) : regulationId;
  return (
    <Link
      to={regulationPath(regulationId, article)}
      data-testid={testId}
      data-regulation={regulationId}
      data-article={article ?? undefined}
      title={regulation?.title}
    >
      《{title}》{article ? articleLabel(article) : ''}
    </Link>
  );
}
