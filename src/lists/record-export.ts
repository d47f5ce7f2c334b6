// The Excel file of a 执法数据 list: every column of the rows the list query returned (already scoped
// and masked), headed in Chinese, with the name in place of each code it stands for (the code kept
// where it is the record's own key), coded values and yes/no in words.
import { columnLabel } from './record-labels.ts';
import { NAME_OF, RECORD_LISTS } from '../records/list-query.ts';
import { KIND_SPECS, type Kind } from '../records/registry.ts';
import type { XlsxColumn } from './xlsx.ts';

type Row = Record<string, unknown>;
/** Columns of a row that are not the record's data (the names joined beside the codes). */
const NAME_COLUMNS = new Set(Object.values(NAME_OF));

/** A coded value in words: the label of its enum value in the kind's field spec. */
function valueLabel(kind: Kind, column: string, value: string): string {
  const field = KIND_SPECS[kind].fields.find((f) => f.name === column);
  return field?.values?.find((v) => v.code === value)?.label ?? value;
}

export function recordXlsxColumns(kind: Kind, columns: readonly string[]): XlsxColumn<Row>[] {
  const key = RECORD_LISTS[kind].key;
  return columns
    .filter((c) => !NAME_COLUMNS.has(c))
    .map((c) => ({
      header: columnLabel(kind, c),
      width: c === key || c.endsWith('_id') || c === 'uscc' ? 24 : c === 'content' || c === 'facts' || c === 'transcript' ? 60 : undefined,
      value: (row: Row) => {
        const v = row[c];
        const named = NAME_OF[c] && c !== key ? row[NAME_OF[c]] : undefined;
        if (typeof named === 'string' && named) return named;
        if (v === null || v === undefined || v === '') return null;
        if (typeof v === 'boolean') return v ? '是' : '否';
        if (typeof v === 'number') return v;
        return valueLabel(kind, c, String(v));
      },
    }));
}
