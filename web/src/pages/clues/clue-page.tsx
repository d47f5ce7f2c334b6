// 线索详情 (/clues/:id): why the clue was raised (the explanation, the model and the article it
// enforces, the evidence records — each a link to its 执法数据 drawer — and the facts of the hit),
// where it stands (status, agency, deadline with days left or overdue, escalation), what was done
// (the timeline of events, the rectification report, the evidence files with their digests) and what
// the caller may do now: the buttons are the API's allowedActions for this caller and status, plus
// 延期 and 上传材料 by the documented rules (GET /clues/:id; POST …/transitions, …/deadline,
// …/attachments).
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, Row, Space, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import {
  ArrowLeftOutlined,
  ClockCircleOutlined,
  FileTextOutlined,
  PaperClipOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, errorText, type ClueDetail, type TimelineEvent } from '../../api.ts';
import { ArticleLink } from '../../catalog/law-link.tsx';
import { indexBy, useCatalog } from '../../catalog/use-catalog.ts';
import { ActionModal, specOf, type ModalAction } from '../../clues/action-modal.tsx';
import { evidencePath, orderedActions } from '../../clues/clue-rules.ts';
import { NoticeModal } from '../../clues/bulk-actions.tsx';
import { DeadlineCell, ProcedureTag, SeverityTag, StatusTag } from '../../clues/clue-tags.tsx';
import { useAgencies, useModelList } from '../../clues/lookups.ts';
import { FACT_LABELS, isCodeTwin } from '../../clues/fact-labels.ts';
import { eventColor, eventLines, formatBytes } from '../../clues/timeline.ts';
import { formatInstant } from '../../format.ts';
import { columnLabel, RECORD_KIND_LABELS } from '../../labels.ts';
import { recordPath } from '../../records/record-kinds.ts';
import { useUser } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PageFrame } from '../page-frame.tsx';
import { BasisLink } from '../models/basis-link.tsx';

function factValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

function Evidence({ detail }: { detail: ClueDetail }) {
  const evidence = detail.clue.evidence;
  if (!evidence || !Array.isArray(evidence.ids)) {
    return <Typography.Text type="secondary">该线索来自举报或人工录入，没有模型证据记录；举报内容见下方。</Typography.Text>;
  }
  const kindLabel =
    evidence.kind === 'clues'
      ? '问题线索'
      : evidence.kind === 'report'
        ? '举报材料'
        : ((RECORD_KIND_LABELS as Record<string, string>)[evidence.kind] ?? evidence.kind);
  const keys = Object.keys(evidence.facts ?? {});
  const facts = Object.entries(evidence.facts ?? {}).filter(([k]) => !isCodeTwin(k, keys));
  const factLabel = (k: string) => {
    const label = columnLabel(evidence.kind as never, k);
    return label !== k ? label : (FACT_LABELS[k] ?? k);
  };
  return (
    <div data-testid="clue-evidence" data-kind={evidence.kind} data-count={evidence.ids.length}>
      <Typography.Text type="secondary">
        {kindLabel} · {evidence.ids.length} 条记录（点击查看原始记录）
      </Typography.Text>
      <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {evidence.ids.map((id) => {
          const to = evidencePath(evidence.kind, id);
          return to ? (
            <Link key={id} to={to} data-testid="evidence-link" data-kind={evidence.kind} data-id={id}>
              <Tag color="blue" style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
                {id}
              </Tag>
            </Link>
          ) : (
            <Tag key={id} data-testid="evidence-id" data-id={id} style={{ marginInlineEnd: 0 }}>
              {id}
            </Tag>
          );
        })}
      </div>
      {facts.length > 0 && (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'facts',
              label: '命中数据',
              children: (
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="clue-facts">
                  {facts.map(([k, v]) => (
                    <Descriptions.Item key={k} label={factLabel(k)}>
                      {factValue(v)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** The hits of the clue's file (一企一档 …), best first, each with its score explained part by part. */
function HitsCard({ detail }: { detail: ClueDetail }) {
  const file = detail.clue.file;
  if (!file || detail.hits.length === 0) return null;
  const shown = detail.hits.length < file.hitCount ? `（显示风险分最高的 ${detail.hits.length} 条）` : '';
  return (
    <Card size="small" title={`${file.label} · 命中记录（${file.hitCount}）${shown}`} style={{ marginBottom: 16 }} data-testid="clue-hits">
      <Collapse
        size="small"
        items={detail.hits.map((h) => ({
          key: h.id,
          label: (
            <Space wrap data-testid="clue-hit" data-model={h.modelCode} data-score={h.score}>
              <Tag color={h.score >= 75 ? 'red' : h.score >= 60 ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>
                {h.score} 分
              </Tag>
              <Link to={`/models/${encodeURIComponent(h.modelCode)}`}>{h.modelName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.foundOn} 发现
              </Typography.Text>
            </Space>
          ),
          children: (
            <div>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{h.explanation}</Typography.Paragraph>
              <Descriptions size="small" column={1} title="风险分构成" data-testid="clue-hit-score">
                {h.scoreParts.map((p) => (
                  <Descriptions.Item key={p.factor} label={p.label}>
                    +{p.points}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Space size={4} wrap>
                {(h.evidence?.ids ?? []).slice(0, 20).map((id) => {
                  const to = evidencePath(h.evidence.kind, id);
                  return to ? (
                    <Link key={id} to={to}>
                      <Tag style={{ marginInlineEnd: 0 }}>{id}</Tag>
                    </Link>
                  ) : (
                    <Tag key={id} style={{ marginInlineEnd: 0 }}>
                      {id}
                    </Tag>
                  );
                })}
              </Space>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

function TimelineCard({ detail, agencyName }: { detail: ClueDetail; agencyName: (id: string) => string | undefined }) {
  const files = new Map(detail.attachments.map((a) => [a.id, a.fileName]));
  const names = { agency: agencyName, attachment: (id: string) => files.get(id) };
  const items = detail.timeline.map((e: TimelineEvent) => ({
    key: e.id,
    color: eventColor(e.action),
    content: (
      <div data-testid="timeline-event" data-action={e.action} data-to={e.toStatus ?? undefined}>
        <Space size={8} wrap>
          <Typography.Text strong>{e.actionLabel}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actor.name ?? e.actor.id ?? '—'} · {formatInstant(e.occurredAt)}
          </Typography.Text>
        </Space>
        {eventLines(e, names).map((line) => (
          <div key={line} style={{ fontSize: 12, color: '#595959' }}>
            {line}
          </div>
        ))}
        {e.comment && e.action !== 'create' && (
          <Typography.Paragraph style={{ marginBottom: 0, marginTop: 2, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
            {e.comment}
          </Typography.Paragraph>
        )}
      </div>
    ),
  }));
  return (
    <Card size="small" title="办理时间线" style={{ marginBottom: 16 }}>
      <div data-testid="clue-timeline" data-count={detail.timeline.length}>
        {items.length ? <Timeline items={items} /> : <Empty description="暂无记录" />}
      </div>
    </Card>
  );
}

export default function CluePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const load = useLoad((signal) => api.clue(id, signal), [id]);
  const models = useModelList();
  const regulations = useCatalog('regulations');
  const agencies = useAgencies(!user.agencyBound);
  const [action, setAction] = useState<ModalAction | null>(null);
  const [uploading, setUploading] = useState(false);
  const detail = load.data;
  const clue = detail?.clue;
  const model = useMemo(
    () => (clue?.modelCode ? models.data?.find((m) => m.code === clue.modelCode) : undefined),
    [models.data, clue?.modelCode],
  );
  const regulationIndex = useMemo(() => indexBy(regulations.data, 'id'), [regulations.data]);
  const agencyNames = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a.name])), [agencies.data]);
  const agencyName = (aid: string) => agencyNames.get(aid) ?? (aid === clue?.agencyId ? (clue?.agencyName ?? undefined) : undefined);

  const actions = clue ? orderedActions(clue.allowedActions) : [];
  // What the server says this user may do with this clue now (src/policy via the clue's `can`).
  const extend = clue?.can.extend ?? false;
  const upload = clue?.can.upload ?? false;
  const notice = clue?.can.notice ?? false;
  const [noticeOpen, setNoticeOpen] = useState(false);

  const uploadFiles = async (files: File[]) => {
    if (!clue || files.length === 0) return;
    setUploading(true);
    try {
      const r = await api.uploadAttachments(clue.id, files);
      message.success(`已上传 ${r.attachments.length} 个文件`);
      load.retry();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  };

  const mergedInto = clue?.caseId && !clue.isCase ? clue.caseId : null;
  let buttons: ReactNode = null;
  if (clue) {
    buttons = (
      <Space
        wrap
        data-testid="clue-actions"
        data-actions={[...actions, ...(extend ? ['extend'] : []), ...(upload ? ['upload'] : []), ...(notice ? ['notice'] : [])].join(',')}
        className="no-print"
      >
        {actions.map((a) => {
          const spec = specOf(a);
          return (
            <Button
              key={a}
              type={spec.primary ? 'primary' : 'default'}
              danger={spec.danger}
              onClick={() => setAction(a)}
              data-testid={`action-${a}`}
            >
              {spec.label}
            </Button>
          );
        })}
        {extend && (
          <Button icon={<ClockCircleOutlined />} onClick={() => setAction('extend')} data-testid="action-extend">
            延期
          </Button>
        )}
        {upload && (
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(_file, list) => {
              // Called once per file; send the batch once, with the last file of the list.
              if (_file === list[list.length - 1]) void uploadFiles(list as unknown as File[]);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="action-upload">
              上传材料
            </Button>
          </Upload>
        )}
        {notice && (
          <Button icon={<FileTextOutlined />} onClick={() => setNoticeOpen(true)} data-testid="action-notice">
            制发文书
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="action-print">
          打印
        </Button>
      </Space>
    );
  }

  return (
    <PageFrame
      testId="clue-detail"
      documentTitle={clue ? `线索 ${clue.number ?? clue.id}` : '线索详情'}
      title={
        <Space wrap>
          <Link to="/clues" aria-label="返回线索列表">
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="clue-title">{clue?.title ?? id}</span>
          {clue && <StatusTag status={clue.status} label={clue.statusLabel} />}
          {clue && <SeverityTag severity={clue.severity} />}
          {clue && clue.source === 'model' && <ProcedureTag procedure={clue.procedure} label={clue.procedureLabel} />}
          {clue && clue.riskScore !== null && (
            <Tag data-testid="clue-risk-score" data-score={clue.riskScore} style={{ marginInlineEnd: 0 }}>
              风险分 {clue.riskScore}
            </Tag>
          )}
        </Space>
      }
      subtitle={
        clue ? (
          <span>
            <span data-testid="clue-detail-number">{clue.number ?? clue.id}</span>
            {clue.number ? `（${clue.id}）` : ''} · {clue.sourceLabel} · {clue.regionName}
          </span>
        ) : undefined
      }
      load={load}
      extra={buttons}
    >
      {clue && detail && (
        <div data-status={clue.status} data-testid="clue-body">
          {mergedInto && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                <span>
                  该线索已并入案件 <Link to={`/clues/${encodeURIComponent(mergedInto)}`}>{mergedInto}</Link>，请在案件上办理。
                </span>
              }
            />
          )}
          {clue.overdue && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="clue-overdue"
              title={`整改期限 ${clue.deadline} 已过，逾期 ${Math.abs(clue.daysLeft ?? 0)} 天${clue.escalationLabel ? `，已升级为${clue.escalationLabel}` : ''}`}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <Card size="small" style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="clue-info">
                  <Descriptions.Item
                    label={clue.status === 'new' || clue.status === 'triaged' || clue.status === 'dismissed' ? '涉及执法主体' : '承办单位'}
                  >
                    <span data-testid="clue-agency" data-id={clue.agencyId ?? ''}>
                      {clue.agencyId ? (
                        <Link to={recordPath('agencies', clue.agencyId)}>{clue.agencyName ?? clue.agencyId}</Link>
                      ) : (
                        '未交办'
                      )}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label="整改期限">
                    <DeadlineCell clue={clue} />
                  </Descriptions.Item>
                  <Descriptions.Item label="来源">{clue.sourceLabel}</Descriptions.Item>
                  <Descriptions.Item label="监督模型">
                    {clue.modelCode ? (
                      <Link to={`/models/${encodeURIComponent(clue.modelCode)}`}>{model?.name ?? clue.modelCode}</Link>
                    ) : (
                      '—'
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="发现时间">{formatInstant(clue.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label="最近更新">{formatInstant(clue.updatedAt)}</Descriptions.Item>
                  {clue.entityUscc && (
                    <Descriptions.Item label="涉及企业">
                      <Link to={recordPath('entities', clue.entityUscc)}>{clue.subjectName ?? clue.entityUscc}</Link>
                    </Descriptions.Item>
                  )}
                  {!clue.entityUscc && clue.subjectName && <Descriptions.Item label="涉及对象">{clue.subjectName}</Descriptions.Item>}
                  {clue.reportCount > 1 && <Descriptions.Item label="举报次数">{clue.reportCount}（重复举报已并入）</Descriptions.Item>}
                  {clue.isCase && clue.memberCount > 0 && (
                    <Descriptions.Item label="监督案件">本线索为案件主线索，含 {clue.memberCount + 1} 条线索</Descriptions.Item>
                  )}
                </Descriptions>
              </Card>

              <Card size="small" title="线索说明" style={{ marginBottom: 16 }}>
                <Typography.Paragraph
                  style={{ fontSize: 15, lineHeight: 1.9, marginBottom: 0, whiteSpace: 'pre-wrap' }}
                  data-testid="clue-explanation"
                >
                  {clue.explanation}
                </Typography.Paragraph>
              </Card>

              <Card size="small" title="法律依据" style={{ marginBottom: 16 }} data-testid="clue-basis">
                {model && (
                  <div style={{ marginBottom: clue.basis?.length ? 8 : 0 }}>
                    <BasisLink basis={model.basis} testId="clue-basis-link" />
                    {model.basis.text && (
                      <Typography.Paragraph
                        type="secondary"
                        style={{ whiteSpace: 'pre-wrap', marginTop: 6, marginBottom: 0 }}
                        ellipsis={{ rows: 3, expandable: true }}
                      >
                        {model.basis.text}
                      </Typography.Paragraph>
                    )}
                  </div>
                )}
                {(clue.basis ?? []).map((b) => (
                  <div key={`${b.regulationId}-${b.article}`}>
                    <ArticleLink regulationId={b.regulationId} article={b.article} regulations={regulationIndex} testId="clue-basis-link" />
                  </div>
                ))}
                {!model && !(clue.basis ?? []).length && (
                  <Typography.Text type="secondary">线索未列明条文；制发文书时引用文书类型的默认依据。</Typography.Text>
                )}
              </Card>

              <HitsCard detail={detail} />

              <Card size="small" title="证据记录" style={{ marginBottom: 16 }}>
                <Evidence detail={detail} />
                {clue.params && Object.keys(clue.params).length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                    发现时的模型参数：
                    {Object.entries(clue.params)
                      .map(([k, v]) => `${model?.params.find((p) => p.name === k)?.label ?? k} ${v}`)
                      .join('；')}
                  </Typography.Paragraph>
                )}
              </Card>

              {detail.reports.length > 0 && (
                <Card size="small" title={`举报内容（${detail.reports.length}）`} style={{ marginBottom: 16 }} data-testid="clue-reports">
                  {detail.reports.map((r) => (
                    <div key={r.id} style={{ marginBottom: 12 }}>
                      <Space size={6} wrap>
                        <Tag>{r.sourceLabel}</Tag>
                        {r.linked && <Tag color="gold">重复举报{r.similarity !== null ? ` · 相似度 ${r.similarity.toFixed(2)}` : ''}</Tag>}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatInstant(r.receivedAt)}
                          {r.contact ? ` · 联系方式 ${r.contact}` : ''}
                        </Typography.Text>
                      </Space>
                      <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                        {r.content}
                      </Typography.Paragraph>
                    </div>
                  ))}
                </Card>
              )}

              {(clue.rectification || detail.attachments.length > 0) && (
                <Card size="small" title="整改情况与证明材料" style={{ marginBottom: 16 }}>
                  {clue.rectification && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="clue-rectification">
                      {clue.rectification}
                    </Typography.Paragraph>
                  )}
                  <div data-testid="clue-attachments" data-count={detail.attachments.length}>
                    {detail.attachments.map((a) => (
                      <div key={a.id} style={{ marginBottom: 6 }}>
                        <Space size={8} wrap>
                          <PaperClipOutlined />
                          <a href={a.url} download={a.fileName} data-testid="attachment-link" data-id={a.id}>
                            {a.fileName}
                          </a>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatBytes(a.size)}
                            {a.uploadedAt ? ` · ${formatInstant(a.uploadedAt)}` : ''}
                          </Typography.Text>
                          <Tooltip
                            title={
                              <span style={{ wordBreak: 'break-all' }}>
                                SHA-256 {a.sha256}
                                <br />
                                SM3 {a.sm3}
                              </span>
                            }
                          >
                            <Tag style={{ fontSize: 11 }}>SM3 {a.sm3.slice(0, 12)}…</Tag>
                          </Tooltip>
                        </Space>
                      </div>
                    ))}
                  </div>
                </Card>
              )}
            </Col>
            <Col xs={24} xl={9}>
              <TimelineCard detail={detail} agencyName={agencyName} />
              {detail.members.length > 0 && (
                <Card size="small" title={`并案线索（${detail.members.length}）`} style={{ marginBottom: 16 }} data-testid="clue-members">
                  {detail.members.map((m) => (
                    <div key={m.id} style={{ marginBottom: 4 }}>
                      <Link to={`/clues/${encodeURIComponent(m.id)}`}>{m.title}</Link>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {m.number ?? m.id} · {m.statusLabel}
                      </Typography.Text>
                    </div>
                  ))}
                </Card>
              )}
              {detail.notices.length > 0 && (
                <Card size="small" title="监督文书" style={{ marginBottom: 16 }} data-testid="clue-notices">
                  {detail.notices.map((n) => (
                    <div key={n.id} style={{ marginBottom: 4 }}>
                      <Link to={`/notices?id=${encodeURIComponent(n.id)}`}>{n.number}</Link>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.issuedOn} · {n.status === 'answered' ? '已答复' : '待答复'}
                      </Typography.Text>
                      <a href={`/api/v1/notices/${encodeURIComponent(n.id)}.docx`} download style={{ marginLeft: 8, fontSize: 12 }}>
                        下载
                      </a>
                    </div>
                  ))}
                </Card>
              )}
            </Col>
          </Row>
          <ActionModal
            action={action}
            detail={detail}
            onClose={() => setAction(null)}
            onDone={(label) => {
              setAction(null);
              message.success(`已${label}`);
              load.retry();
            }}
          />
          <NoticeModal
            open={noticeOpen}
            clues={clue ? [clue] : []}
            onClose={() => setNoticeOpen(false)}
            onDone={(n) => {
              message.success(`已制发${n.kindLabel} ${n.number}`);
              load.retry();
            }}
          />
        </div>
      )}
    </PageFrame>
  );
}
