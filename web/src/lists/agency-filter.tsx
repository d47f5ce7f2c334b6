// A list's 执法部门 filter: the agencies of the caller's jurisdiction (GET /records/agencies, cached per
// session), searchable; nothing for a user bound to one agency, whose lists hold only theirs.
import { Select } from 'antd';
import { agencyOptions } from '../clues/bulk-actions.tsx';
import { useAgencies } from '../clues/lookups.ts';
import { useUser } from '../session.tsx';

export function AgencyFilter({ value, onChange, testId }: { value?: string; onChange: (agencyId?: string) => void; testId: string }) {
  const user = useUser();
  const agencies = useAgencies(!user.agencyBound);
  if (user.agencyBound) return null;
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="执法部门"
      style={{ width: 260 }}
      value={value}
      loading={agencies.state === 'loading'}
      onChange={(v?: string) => onChange(v)}
      options={agencyOptions(agencies.data)}
      data-testid={testId}
    />
  );
}
