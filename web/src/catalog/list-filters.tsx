// The filter bar parts the catalog list pages share: filters kept in the URL, the line picker, the
// name-or-code search test and the row count.
import { Select, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';

/** The page's URL search parameters and a setter that drops a parameter set to nothing (history replaced). */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { params, setParam };
}

/** code → name of a catalog table's rows. */
export function namesOf(rows: readonly { code: string; name: string }[] | undefined): Map<string, string> {
  return new Map((rows ?? []).map((r) => [r.code, r.name]));
}

/** Whether a row's name holds the (trimmed) query, or its code the query in capitals; an empty query matches all. */
export function matchesNameOrCode(row: { code: string; name: string }, q: string): boolean {
  return !q || row.name.includes(q) || row.code.includes(q.toUpperCase());
}

/** 条线 picker over the line codes in use, labelled by name. */
export function LineFilter(props: {
  codes: string[];
  names: Map<string, string>;
  value: string | undefined;
  onChange: (value?: string) => void;
  testId?: string;
}) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="条线"
      style={{ width: 180 }}
      value={props.value}
      onChange={props.onChange}
      options={props.codes.map((c) => ({ value: c, label: props.names.get(c) ?? c }))}
      data-testid={props.testId}
    />
  );
}

/** 共 N 项, with the count in data-count for the tests. */
export function RowCount({ count, testId }: { count: number; testId: string }) {
  return (
    <Typography.Text type="secondary" data-testid={testId} data-count={count}>
      共 {count} 项
    </Typography.Text>
  );
}
