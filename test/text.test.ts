import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Segmenter, isStopword } from '../src/text/segment.ts';
import { Bm25Index } from '../src/text/bm25.ts';

const seg = new Segmenter(['浙江省综合治水工作规定']);

test('domain terms stay whole: 无照经营, 占道经营, and words added at run time', () => {
  assert.ok(seg.cut('无照经营违反哪些规定？占道经营怎么罚').includes('无照经营'));
  assert.ok(seg.cut('占道经营怎么罚').includes('占道经营'));
  assert.ok(seg.cut('依据浙江省综合治水工作规定处理').includes('浙江省综合治水工作规定'));
});

test('terms drop stopwords and punctuation and normalise full-width characters', () => {
  const terms = seg.terms('请问，无照经营的处罚是什么？１２３');
  assert.ok(terms.includes('无照经营'));
  assert.ok(terms.includes('123'));
  for (const t of terms) assert.ok(!isStopword(t), t);
});

test('BM25 ranks the document sharing the rarer terms first, and says which terms matched', () => {
  const index = new Bm25Index<string>();
  const docs: Record<string, string> = {
    a: '当事人在村级垃圾集中点倾倒海鲜包装物',
    b: '当事人在道路上占道经营摆摊',
    c: '当事人未取得营业执照从事经营活动',
  };
  for (const [k, text] of Object.entries(docs)) index.add(k, seg.terms(text));
  const hits = index.search(seg.terms('倾倒海鲜包装物'), 3);
  assert.equal(hits[0].key, 'a');
  assert.ok(hits[0].matched.includes('海鲜'));
  assert.equal(hits.length, 1);
  assert.deepEqual(
    index
      .search(seg.terms('当事人'), 3, (k) => k !== 'b')
      .map((h) => h.key)
      .sort(),
    ['a', 'c'],
  );
});
