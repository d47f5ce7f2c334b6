// 系统管理 (administrators): 用户 — search, filter, sort, create (the server's one creation function
// checks every field and names the bad one), disable or enable, reset a password, export; 角色 — what
// each role sees and may do, with its accounts; 区划 — the regions with their agencies and accounts;
// 模型与调度 — how often the model library runs, and the per-region model settings (changed on the
// model's page). The tab lives in the URL (?tab=users|roles|regions|schedule).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { adminApi, api, ApiError, errorText, type AdminRegion, type NewUserInput, type Role, type UserEntry } from '../../api.ts';
import { formatCount, formatInstant } from '../../format.ts';
import { ROLE_LABELS } from '../../records/kinds.generated.ts';
import { useCatalog } from '../../catalog/use-catalog.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { ExportButton } from '../../lists/export-button.tsx';
import { PAGE_SIZES, useListParams } from '../../lists/use-list-params.ts';
import { PageFrame } from '../page-frame.tsx';

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const AGENCY_ROLES = new Set(['agency_staff', 'officer']);

function useRegionOptions() {
  const regions = useCatalog('regions');
  return useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level !== 'township')
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({
          value: r.code,
          label: r.level === 'province' ? r.name : r.level === 'city' ? `\u3000${r.name}` : `\u3000\u3000${r.name}`,
        })),
    [regions.data],
  );
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<NewUserInput>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const regionOptions = useRegionOptions();
  const role = Form.useWatch('role', form);
  const regionCode = Form.useWatch('regionCode', form);
  const agencies = useLoad(
    (signal) =>
      regionCode && AGENCY_ROLES.has(role ?? '')
        ? api.recordList('agencies', { page: 1, pageSize: 500, regionCode }, signal).then((b) => b.rows)
        : Promise.resolve([]),
    [regionCode, role],
  );
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await adminApi.createUser({ ...values, agencyId: AGENCY_ROLES.has(values.role) ? values.agencyId : null });
      message.success(`已创建用户 ${values.username}`);
      form.resetFields();
      onCreated();
    } catch (e) {
      // The server names the field; show its words under that field and above the form.
      if (e instanceof ApiError && e.field) form.setFields([{ name: e.field as keyof NewUserInput, errors: [e.message] }]);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="新建用户"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      data-testid="user-create-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="user-create-error" />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]} extra="3至32位字母、数字或 _ . -">
          <Input autoComplete="off" data-testid="user-create-username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input data-testid="user-create-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[{ required: true, message: '请输入初始密码' }]}
          extra="至少8位，同时包含字母和数字"
        >
          <Input.Password autoComplete="new-password" data-testid="user-create-password" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} data-testid="user-create-role" />
        </Form.Item>
        <Form.Item name="regionCode" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={regionOptions} data-testid="user-create-region" />
        </Form.Item>
        {AGENCY_ROLES.has(role ?? '') && (
          <Form.Item name="agencyId" label="所属执法主体" rules={[{ required: true, message: '执法部门及执法人员账号须指定所属执法主体' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={agencies.state === 'loading'}
              options={(agencies.data ?? []).map((a) => ({ value: String(a.id), label: String(a.name) }))}
              data-testid="user-create-agency"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function PasswordModal({ user, onClose }: { user: UserEntry | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const { password } = await form.validateFields();
    setSaving(true);
    try {
      await adminApi.resetPassword(user!.id, password);
      message.success(`已重置 ${user!.username} 的密码，其已登录的会话已结束`);
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields([{ name: 'password', errors: [errorText(e)] }]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`重置密码：${user?.displayName ?? ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="重置"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      data-testid="user-password-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }]}
          extra="至少8位，同时包含字母和数字；请线下告知用户"
        >
          <Input.Password autoComplete="new-password" data-testid="user-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UsersTab() {
  const me = useUser();
  const { message, modal } = App.useApp();
  const list = useListParams(['q', 'role', 'regionCode', 'disabled', 'sort', 'order'] as const);
  const f = list.values;
  const load = useLoad(
    (signal) =>
      adminApi.users(
        {
          ...f,
          disabled: f.disabled as 'true' | 'false' | undefined,
          order: f.order as 'asc' | 'desc' | undefined,
          page: list.page,
          pageSize: list.pageSize,
        },
        signal,
      ),
    [list.key, list.page, list.pageSize],
  );
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserEntry | null>(null);
  const regionOptions = useRegionOptions();
  const toggle = (u: UserEntry) =>
    modal.confirm({
      title: u.disabled ? `启用 ${u.displayName}？` : `停用 ${u.displayName}？`,
      content: u.disabled ? '启用后该账号可以重新登录。' : '停用后该账号不能登录，已登录的会话立即结束。',
      okText: u.disabled ? '启用' : '停用',
      cancelText: '取消',
      onOk: async () => {
        try {
          await adminApi.setDisabled(u.id, !u.disabled);
          message.success(u.disabled ? '已启用' : '已停用');
          load.retry();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const sortOrder = (key: string) =>
    f.sort === key || (!f.sort && key === 'username') ? (f.order === 'desc' ? 'descend' : 'ascend') : null;
  return (
    <div data-testid="admin-users" data-state={load.state}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="用户名、姓名或执法主体"
            defaultValue={f.q}
            onSearch={(v) => list.set({ q: v.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="users-search"
          />
          <Select
            allowClear
            placeholder="角色"
            style={{ width: 150 }}
            value={f.role}
            onChange={(v?: string) => list.set({ role: v })}
            options={ROLE_OPTIONS}
            data-testid="users-filter-role"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="辖区"
            style={{ width: 180 }}
            value={f.regionCode}
            onChange={(v?: string) => list.set({ regionCode: v })}
            options={regionOptions}
            data-testid="users-filter-region"
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 110 }}
            value={f.disabled}
            onChange={(v?: string) => list.set({ disabled: v })}
            options={[
              { value: 'false', label: '正常' },
              { value: 'true', label: '已停用' },
            ]}
            data-testid="users-filter-disabled"
          />
        </Space>
        <Space>
          <ExportButton path="/admin/users.xlsx" query={f} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            新建用户
          </Button>
        </Space>
      </Space>
      {load.state === 'error' && (
        <Alert type="error" showIcon title="数据加载失败" description={load.message} style={{ marginBottom: 12 }} />
      )}
      <Table<UserEntry>
        rowKey="id"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        data-testid="users-table"
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          list.set({ sort: s?.order ? String(s.columnKey) : undefined, order: s?.order === 'descend' ? 'desc' : undefined });
        }}
        columns={[
          {
            title: '用户名',
            dataIndex: 'username',
            key: 'username',
            width: 170,
            sorter: true,
            sortOrder: sortOrder('username'),
            render: (v: string) => <span className="kd-code">{v}</span>,
          },
          { title: '姓名', dataIndex: 'displayName', ellipsis: true },
          {
            title: '角色',
            dataIndex: 'roleLabel',
            key: 'role',
            width: 130,
            sorter: true,
            sortOrder: sortOrder('role'),
            render: (v: string) => <Tag color="blue">{v}</Tag>,
          },
          { title: '辖区', dataIndex: 'regionName', key: 'region_code', width: 130, sorter: true, sortOrder: sortOrder('region_code') },
          { title: '执法主体', dataIndex: 'agencyName', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'disabled',
            width: 90,
            render: (v: boolean) => (v ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>),
          },
          {
            title: '创建时间',
            dataIndex: 'createdAt',
            key: 'created_at',
            width: 170,
            sorter: true,
            sortOrder: sortOrder('created_at'),
            render: (v: string) => formatInstant(v),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setResetting(u)} data-testid="user-reset-password">
                  重置密码
                </Button>
                <Button size="small" danger={!u.disabled} disabled={u.id === me.id} onClick={() => toggle(u)} data-testid="user-toggle">
                  {u.disabled ? '启用' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: load.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => `共 ${formatCount(total)} 个用户`,
          onChange: (p, size) => list.set({ page: size !== list.pageSize ? '1' : String(p), pageSize: String(size) }),
        }}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          load.retry();
        }}
      />
      <PasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}

function RolesTab() {
  const load = useLoad((signal) => adminApi.roles(signal), []);
  return (
    <div data-testid="admin-roles" data-state={load.state}>
      <Table
        rowKey="role"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        pagination={false}
        columns={[
          { title: '角色', dataIndex: 'label', width: 140, render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: '数据范围', dataIndex: 'scope', width: 180 },
          { title: '可办理的事项', dataIndex: 'duties' },
          {
            title: '账号数',
            dataIndex: 'users',
            width: 140,
            render: (n: number, r: { role: Role; disabled: number }) => (
              <Link to={`/admin?tab=users&role=${r.role}`}>
                {formatCount(n)}
                {r.disabled ? `（停用 ${r.disabled}）` : ''}
              </Link>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        角色的数据范围由服务端在每次查询时施加：监督员只见本辖区，执法部门只见本部门，个人信息按角色脱敏。
      </Typography.Paragraph>
    </div>
  );
}

function RegionsTab() {
  const list = useListParams(['q', 'level'] as const);
  const load = useLoad((signal) => adminApi.regions({ q: list.values.q, level: list.values.level }, signal), [list.key]);
  return (
    <div data-testid="admin-regions" data-state={load.state}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="区划名称或代码"
          defaultValue={list.values.q}
          onSearch={(v) => list.set({ q: v.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="regions-search"
        />
        <Select
          allowClear
          placeholder="层级"
          style={{ width: 150 }}
          value={list.values.level}
          onChange={(v?: string) => list.set({ level: v })}
          options={[
            { value: 'province', label: '省' },
            { value: 'city', label: '设区市' },
            { value: 'county', label: '县（市、区）' },
            { value: 'township', label: '乡镇（街道）' },
          ]}
          data-testid="regions-filter-level"
        />
      </Space>
      <Table<AdminRegion>
        rowKey="code"
        size="middle"
        loading={load.state === 'loading'}
        dataSource={load.data?.rows ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${formatCount(total)} 个区划` }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v: string, r) => (r.isDemo ? `${v}（演示）` : v) },
          { title: '代码', dataIndex: 'code', width: 120 },
          { title: '层级', dataIndex: 'levelLabel', width: 130 },
          { title: '上级', dataIndex: 'parentName', width: 130, render: (v: string | null) => v ?? '—' },
          { title: '执法主体', dataIndex: 'agencies', width: 100, sorter: (a, b) => a.agencies - b.agencies },
          { title: '账号', dataIndex: 'users', width: 90, sorter: (a, b) => a.users - b.users },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        区划取自 GB/T 2260（随系统发布的参考数据），乡镇（街道）随数据导入；在规则库 · 区划中可按树形查看。
      </Typography.Paragraph>
    </div>
  );
}

function ScheduleTab() {
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const load = useLoad((signal) => adminApi.schedule(signal), [version]);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = load.data;
  const save = async () => {
    if (minutes === null) return;
    setError(null);
    try {
      await adminApi.setSchedule(minutes);
      message.success('已保存，下一次检查起生效');
      setVersion((v) => v + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div data-testid="admin-schedule" data-state={load.state}>
      <Card size="small" title="定时运行全部模型" style={{ marginBottom: 16 }}>
        {data && (
          <Descriptions column={1} size="small" styles={{ label: { width: 140 } }}>
            <Descriptions.Item label="当前间隔">
              <span data-testid="schedule-minutes" data-value={data.minutes}>
                {data.minutes > 0 ? `每 ${data.minutes} 分钟` : '不定时运行'}
              </span>
              <Typography.Text type="secondary">（{data.source === 'setting' ? '管理员设置' : '服务启动参数'}）</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="上次定时运行">{data.lastRun ? formatInstant(data.lastRun) : '尚未运行'}</Descriptions.Item>
            <Descriptions.Item label="下次运行（约）">{data.nextRun ? formatInstant(data.nextRun) : '—'}</Descriptions.Item>
            <Descriptions.Item label="模型数">{data.models} 个（在监督模型页面可按区划启停、调整参数）</Descriptions.Item>
          </Descriptions>
        )}
        <Space style={{ marginTop: 12 }} wrap>
          <InputNumber
            min={0}
            max={10080}
            precision={0}
            placeholder={String(data?.minutes ?? '')}
            value={minutes}
            onChange={(v) => setMinutes(v)}
            addonAfter="分钟"
            data-testid="schedule-input"
          />
          <Button type="primary" onClick={() => void save()} disabled={minutes === null} data-testid="schedule-save">
            保存
          </Button>
          <Typography.Text type="secondary">0 为不定时运行；修改会记入审计日志</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="schedule-error" />}
      </Card>
      <Card size="small" title={`按区划的模型设置（${data?.regionSettings.length ?? 0} 项）`}>
        <Table
          rowKey={(r) => `${r.modelCode}|${r.regionCode}`}
          size="small"
          dataSource={data?.regionSettings ?? []}
          locale={{ emptyText: '各区划均使用模型的默认参数' }}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: '模型',
              dataIndex: 'modelName',
              render: (v: string, r) => <Link to={`/models/${encodeURIComponent(r.modelCode)}`}>{v}</Link>,
            },
            { title: '区划', dataIndex: 'regionName', width: 140 },
            {
              title: '启用',
              dataIndex: 'enabled',
              width: 80,
              render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            { title: '修改时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatInstant(v) },
          ]}
        />
      </Card>
    </div>
  );
}

const TABS = [
  { key: 'users', label: '用户', children: <UsersTab /> },
  { key: 'roles', label: '角色', children: <RolesTab /> },
  { key: 'regions', label: '区划', children: <RegionsTab /> },
  { key: 'schedule', label: '模型与调度', children: <ScheduleTab /> },
];

export default function AdminPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'users';
  return (
    <PageFrame testId="admin-page" title="系统管理" subtitle="用户、角色、区划、模型与调度" state="ready">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={TABS.map((t) => ({ ...t, children: t.key === tab ? t.children : null }))}
        data-testid="admin-tabs"
      />
    </PageFrame>
  );
}
