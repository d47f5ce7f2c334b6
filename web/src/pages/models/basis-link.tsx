// A model's legal basis as a citation: 《行政处罚法》第三十三条, linked to the law at that article
// (the 法规 pages); a policy outside the corpus is named without a link.
import { Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ModelBasisEntry } from '../../api.ts';
import { regulationPath } from '../../catalog/law-link.tsx';
import { articleLabel, shortTitle } from '../../format.ts';

export function basisText(basis: ModelBasisEntry): string {
  const article = basis.label ?? (basis.article ? articleLabel(basis.article) : '');
  return `《${shortTitle(basis.title)}》${article}`;
}

export function BasisLink({ basis, testId = 'model-basis-link' }: { basis: ModelBasisEntry; testId?: string }) {
  const link = (
    <Link
      to={regulationPath(basis.regulationId, basis.article)}
      data-testid={testId}
      data-regulation={basis.regulationId}
      data-article={basis.article ?? undefined}
      title={basis.title}
    >
      {basisText(basis)}
    </Link>
  );
  if (!basis.note) return link;
  return (
    <Tooltip title={basis.note}>
      <span>
        {link}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
          {basis.note}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
