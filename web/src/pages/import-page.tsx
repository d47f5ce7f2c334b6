// 数据导入: upload a CSV / XLSX / JSONL file of one kind (POST /imports, multipart: kind,
// sourceSystem, file), see what landed and what did not (行号/字段/错误), download the error file
// (GET /imports/:id/errors.csv), and the batches imported before (GET /imports).
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { api, errorText, IMPORT_KINDS, importErrorFileUrl, type ImportBatch, type ImportError, type ImportKind } from '../api.ts';
import { formatCount, formatInstant } from '../format.ts';
import { columnLabel, RECORD_KIND_LABELS } from '../labels.ts';
import { useLoad } from '../use-load.ts';
import { PageFrame } from './page-frame.tsx';

const ACCEPT = ['.csv', '.txt', '.xlsx', '.jsonl', '.ndjson', '.json'];
/** The importer's rule for source system codes (src/ingest/kinds.ts SOURCE_SYSTEM_PATTERN). */
const SOURCE_SYSTEM = /^[A-Za-z0-9_.:-]{1,64}$/;

interface ImportForm {
  kind: ImportKind;
  sourceSystem?: string;
}

function extensionOk(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPT.some((ext) => lower.endsWith(ext));
}

/** The importer's header name when it gave one (it is what the file calls the column), else ours. */
function fieldText(kind: string, error: ImportError): string {
  if (!error.field) return '—';
  const label = error.label ?? columnLabel(kind as ImportKind, error.field);
  return label === error.field ? error.field : `${label}（${error.field}）`;
}

const errorFileUrl = (batch: ImportBatch) => batch.errorsUrl ?? importErrorFileUrl(batch.id);

function BatchResult({ batch }: { batch: ImportBatch }) {
  const clean = batch.rowsBad === 0;
  return (
    <Card
      size="small"
      title="导入结果"
      style={{ marginTop: 16 }}
      data-testid="import-result"
      data-batch={batch.id}
      data-total={batch.rowsTotal}
      data-ok={batch.rowsOk}
      data-bad={batch.rowsBad}
      extra={
        batch.rowsBad > 0 && (
          <Button icon={<DownloadOutlined />} href={errorFileUrl(batch)} download data-testid="import-error-file">
            下载错误文件
          </Button>
        )
      }
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title="读取行数" value={batch.rowsTotal} formatter={(v) => formatCount(Number(v))} />
        </Col>
        <Col span={8}>
          <Statistic
            title="成功导入"
            value={batch.rowsOk}
            styles={{ content: { color: '#389e0d' } }}
            formatter={(v) => formatCount(Number(v))}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title="有误未导入"
            value={batch.rowsBad}
            styles={{ content: { color: batch.rowsBad ? '#cf1322' : undefined } }}
            formatter={(v) => formatCount(Number(v))}
          />
        </Col>
      </Row>
      <Alert
        type={clean ? 'success' : 'warning'}
        showIcon
        title={
          clean
            ? `${RECORD_KIND_LABELS[batch.kind as ImportKind] ?? batch.kind}：${formatCount(batch.rowsOk)} 行全部导入`
            : `${formatCount(batch.rowsBad)} 行有误未导入，其余 ${formatCount(batch.rowsOk)} 行已导入`
        }
        description={
          clean
            ? '同一来源系统重复报送同一编号的记录会更新原记录，不会重复计数。'
            : '下载错误文件，按“错误信息”列改正后可直接再次导入该文件（行号、错误信息两列会被忽略）。'
        }
        style={{ marginBottom: batch.errors.length ? 16 : 0 }}
      />
      {batch.errors.length > 0 && (
        <Table<ImportError & { key: number }>
          data-testid="import-errors"
          size="small"
          dataSource={batch.errors.map((e, key) => ({ ...e, key }))}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => (row > 0 ? row : '—') },
            { title: '字段', dataIndex: 'field', width: 260, render: (_: string, e) => fieldText(batch.kind, e) },
            { title: '错误', dataIndex: 'message' },
          ]}
          footer={batch.rowsBad > batch.errors.length ? () => `此处列出前 ${batch.errors.length} 条错误，全部错误见错误文件` : undefined}
        />
      )}
    </Card>
  );
}

export default function ImportPage() {
  const [form] = Form.useForm<ImportForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const history = useLoad((signal) => api.imports(signal), [historyVersion]);

  const submit = async ({ kind, sourceSystem }: ImportForm) => {
    if (!file) {
      setFileError('请选择要导入的文件');
      return;
    }
    setUploading(true);
    setFailure(null);
    setBatch(null);
    try {
      setBatch(await api.importFile(file, kind, sourceSystem?.trim() || undefined));
      setHistoryVersion((n) => n + 1);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <PageFrame
      testId="import-page"
      title="数据导入"
      subtitle="批量导入执法数据：CSV、Excel、JSONL（每行一条 JSON 记录）文件，逐行校验"
      state="ready"
    >
      <Card size="small" title="导入文件">
        <Form<ImportForm> form={form} layout="vertical" onFinish={submit} disabled={uploading} requiredMark="optional">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label="数据类型" rules={[{ required: true, message: '请选择数据类型' }]}>
                <Select
                  placeholder="选择文件中的数据类型"
                  options={IMPORT_KINDS.map((k) => ({ value: k, label: RECORD_KIND_LABELS[k] }))}
                  data-testid="import-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="sourceSystem"
                label="来源系统"
                tooltip="文件中没有“来源系统”列时，用此编码标识数据来自哪个业务系统；同一来源系统内的编号唯一"
                rules={[{ pattern: SOURCE_SYSTEM, message: '来源系统为至多64位字母、数字或 _ . : -' }]}
              >
                <Input placeholder="如 zj-xzzf（可选）" data-testid="import-source-system" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="文件" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
            <Upload.Dragger
              accept={ACCEPT.join(',')}
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!extensionOk(f.name)) {
                  setFileError(`不支持的文件类型：${f.name}（支持 ${ACCEPT.join('、')}）`);
                  setFile(null);
                } else {
                  setFileError(null);
                  setFile(f);
                }
                // The file is sent with the form, not by the Upload component.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                return true;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽文件到此处</p>
              <p className="ant-upload-hint">支持 CSV、XLSX、JSONL、JSON 文件；表头可用中文列名（如“统一社会信用代码”）或字段名</p>
            </Upload.Dragger>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={uploading} data-testid="import-submit">
              {uploading ? '正在导入…' : '开始导入'}
            </Button>
            <Typography.Text type="secondary">有误的行不会导入，其余行照常导入；重复报送的记录更新而不重复。</Typography.Text>
          </Space>
        </Form>
      </Card>

      {failure && (
        <Alert
          type="error"
          showIcon
          title="导入失败，未导入任何数据"
          description={failure}
          style={{ marginTop: 16 }}
          data-testid="import-failure"
        />
      )}
      {batch && <BatchResult batch={batch} />}

      <Card size="small" title="导入记录" style={{ marginTop: 16 }}>
        {history.state === 'error' && (
          <Alert
            type="error"
            showIcon
            title="导入记录加载失败"
            description={history.status === 404 ? '服务器尚未提供导入接口（GET /api/v1/imports）' : history.message}
            style={{ marginBottom: 12 }}
            action={
              <Button size="small" onClick={history.retry}>
                重试
              </Button>
            }
          />
        )}
        <Table<ImportBatch>
          data-testid="import-history"
          rowKey="id"
          size="small"
          loading={history.state === 'loading'}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '导入时间', dataIndex: 'startedAt', render: (t: string | null) => (t ? formatInstant(t) : '—') },
            { title: '数据类型', dataIndex: 'kind', render: (k: string) => RECORD_KIND_LABELS[k as ImportKind] ?? k },
            { title: '文件', dataIndex: 'fileName', render: (n: string | null) => n ?? '—' },
            { title: '来源系统', dataIndex: 'sourceSystem', render: (s: string | null) => s ?? '—' },
            { title: '读取行数', dataIndex: 'rowsTotal', align: 'right', render: (n: number) => formatCount(n) },
            { title: '成功', dataIndex: 'rowsOk', align: 'right', render: (n: number) => formatCount(n) },
            {
              title: '有误',
              dataIndex: 'rowsBad',
              align: 'right',
              render: (n: number) =>
                n ? (
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {formatCount(n)}
                  </Tag>
                ) : (
                  '0'
                ),
            },
            {
              title: '错误文件',
              key: 'errors',
              render: (_: unknown, b) =>
                b.rowsBad > 0 ? (
                  <a href={errorFileUrl(b)} download>
                    下载
                  </a>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </PageFrame>
  );
}
