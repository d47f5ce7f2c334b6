// A date range filter of a list: two business dates (YYYY-MM-DD) in the URL, picked with antd's
// RangePicker; clearing it removes both.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DateRangeFilter({
  from,
  to,
  onChange,
  testId,
  placeholder = ['开始日期', '结束日期'],
}: {
  from?: string;
  to?: string;
  onChange: (from?: string, to?: string) => void;
  testId: string;
  placeholder?: [string, string];
}) {
  return (
    <span data-testid={testId} data-from={from} data-to={to}>
      <DatePicker.RangePicker
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        placeholder={placeholder}
        onChange={(values) => {
          if (values && values[0] && values[1]) onChange(values[0].format('YYYY-MM-DD'), values[1].format('YYYY-MM-DD'));
          else onChange(undefined, undefined);
        }}
      />
    </span>
  );
}
