// 检查告知单 (/inspections/tasks/:id/notice): one A6 sheet (print.css, the named page `a6`) an officer
// hands over on entering: the 行政行为码 and the QR code of its public verify page — both from GET
// /inspection-tasks/:id/notice, whose QR code the server draws with npm `qrcode` — the agencies, items and
// legal basis, the officers with their certificate numbers, the window, and the rating the enterprise may
// give. No console shell, so that the sheet prints alone; the buttons do not print.
import { Alert, Button, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useLoad } from '../../use-load.ts';
import { usePageTitle } from '../page-frame.tsx';

export default function NoticePrintPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const load = useLoad((signal) => api.inspections.notice(id, signal), [id]);
  usePageTitle('检查告知单');
  const n = load.data;
  const t = n?.task;
  return (
    <div className="a6-screen" data-testid="notice-print-page" data-state={load.state}>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/inspections/tasks/${encodeURIComponent(id)}`)}>
          返回任务
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!n} data-testid="notice-print">
          打印
        </Button>
      </Space>
      {load.state === 'loading' && !n && <Spin />}
      {load.state === 'error' && <Alert type="error" showIcon title="告知单加载失败" description={load.message} data-testid="page-error" />}
      {n && t && (
        <article className="a6-notice" data-testid="notice-sheet">
          <h1>涉企行政检查告知单</h1>
          <div className="a6-notice-code">
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(n.qrSvg)}`}
              alt={`核验地址 ${n.verifyUrl}`}
              data-testid="notice-qr"
              data-url={n.verifyUrl}
            />
            <div>
              <div className="a6-notice-label">行政行为码</div>
              <div className="a6-notice-number" data-testid="notice-code">
                {t.displayCode}
              </div>
              <div className="a6-notice-small">扫码或登录核验页输入此码，核验本次检查的真实性。</div>
            </div>
          </div>
          <dl>
            <dt>检查对象</dt>
            <dd>{t.entityName ?? t.entityUscc}</dd>
            {t.parts.map((p) => (
              <div key={`${p.agencyId}|${p.itemCode ?? ''}`} data-testid="notice-part">
                <dt>执法主体</dt>
                <dd>{p.agencyName}</dd>
                <dt>检查事项</dt>
                <dd>{p.itemName ?? '—'}</dd>
                <dt>执法依据</dt>
                <dd>{p.basis ?? '—'}</dd>
              </div>
            ))}
            <dt>执法人员</dt>
            <dd>
              {t.officers.map((o) => (
                <div key={o.id} data-testid="notice-officer">
                  {o.name}（执法证号 {o.certificateNumber ?? '—'}）
                </div>
              ))}
            </dd>
            <dt>有效期</dt>
            <dd data-testid="notice-window">
              {t.validFrom} 至 {t.validTo}
            </dd>
          </dl>
          <p className="a6-notice-small">检查结束后 {n.ratingDays} 日内，企业可扫码对本次检查作出评价。</p>
        </article>
      )}
    </div>
  );
}
