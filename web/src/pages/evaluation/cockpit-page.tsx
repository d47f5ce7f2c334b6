// 驾驶舱: the command-centre screen of a jurisdiction, full screen (laid out for 1920×1080, read across
// a room): counters of the month and the year, the clue loop's steps, the map of the province (cities)
// or of the city (counties) coloured by a chosen figure — a click drills into the region —, the
// overdue clues and the rankings. It polls GET /cockpit every 15 s with If-None-Match: an unchanged
// snapshot costs a 304 and no redraw (docs/evaluation.md: why polling, not server-sent events).
import { useEffect, useRef, useState } from 'react';
import { Segmented } from 'antd';
import { useSearchParams } from 'react-router-dom';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { API_BASE, loginPath } from '../../api.ts';
import { loadGeo, type GeoJson } from '../../cockpit/geo.ts';
import type { CockpitMetric as Metric, CockpitSnapshot as Snapshot } from '../../evaluation/evaluation-api.ts';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, SVGRenderer]);

const POLL_MS = 15_000;

// The segment labels (short, for the screen); the metrics themselves are the server's (CockpitMetric).
const METRICS: Record<Metric, string> = {
  inspections: '行政检查',
  cases: '处罚案件',
  fines: '罚没金额',
  openClues: '未办结线索',
  overdueClues: '逾期线索',
};

const COUNTERS: { key: string; label: string; unit: string }[] = [
  { key: 'inspectionsMonth', label: '本月行政检查', unit: '次' },
  { key: 'casesMonth', label: '本月处罚案件', unit: '件' },
  { key: 'inspectionsYear', label: '本年行政检查', unit: '次' },
  { key: 'finesYear', label: '本年罚没金额', unit: '万元' },
  { key: 'cluesOpen', label: '未办结线索', unit: '条' },
  { key: 'cluesOverdue', label: '逾期线索', unit: '条' },
  { key: 'cluesEscalated', label: '提级督办', unit: '条' },
  { key: 'cluesClosedMonth', label: '本月销号', unit: '条' },
];

const C = {
  bg: '#071a33',
  panel: '#0d2a4d',
  line: '#1f4d80',
  text: '#e6f0ff',
  dim: '#8fb3dd',
  accent: '#36cfc9',
  warn: '#ff7a45',
  danger: '#ff4d4f',
};
const panel = { background: C.panel, border: `1px solid ${C.line}`, borderRadius: 8, padding: '16px 20px' } as const;
const title = { color: C.dim, fontSize: 22, marginBottom: 12 } as const;

function MapPanel({ snapshot, onDrill }: { snapshot: Snapshot; onDrill: (code: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ features: number; missing: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { map } = snapshot;
  useEffect(() => {
    if (!ref.current) return;
    let disposed = false;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    loadGeo(map.kind, map.name)
      .then((geo: GeoJson) => {
        if (disposed) return;
        const key = `kedu-${map.code}`;
        echarts.registerMap(key, geo);
        const codes = new Set(geo.features.map((f) => String(f.properties.code)));
        const names = new Map(geo.features.map((f) => [String(f.properties.code), String(f.properties.name)]));
        const values = map.areas.filter((a) => a.value !== null).map((a) => a.value as number);
        chart.setOption({
          tooltip: { trigger: 'item', textStyle: { fontSize: 20 } },
          visualMap: {
            min: 0,
            max: Math.max(1, ...values),
            left: 20,
            bottom: 20,
            calculable: true,
            inRange: { color: ['#0f3b6e', '#1677ff', '#36cfc9', '#fadb14', '#ff4d4f'] },
            textStyle: { color: C.text, fontSize: 18 },
          },
          series: [
            {
              type: 'map',
              map: key,
              nameProperty: 'code',
              roam: false,
              label: { show: true, color: C.text, fontSize: 18, formatter: (p: { name: string }) => names.get(p.name) ?? p.name },
              itemStyle: { areaColor: '#13335c', borderColor: '#6aa7ff', borderWidth: 1 },
              emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#2f6fb8' } },
              select: { disabled: true },
              data: map.areas.map((a) => ({
                name: a.code,
                value: a.value ?? undefined,
                itemStyle: map.highlight === a.code ? { borderColor: '#fadb14', borderWidth: 4 } : undefined,
              })),
            },
          ],
        });
        chart.off('click');
        chart.on('click', (p) => {
          const area = map.areas.find((a) => a.code === p.name);
          if (area && area.value !== null && area.code !== snapshot.region.code) onDrill(area.code);
        });
        setDrawn({ features: geo.features.length, missing: map.areas.filter((a) => !codes.has(a.code)).map((a) => a.name) });
      })
      .catch((e: Error) => setError(e.message));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current);
    return () => {
      disposed = true;
      resize.disconnect();
      chart.dispose();
    };
  }, [map, snapshot.region.code, onDrill]);
  return (
    <div style={{ ...panel, height: '100%', display: 'flex', flexDirection: 'column' }}>
      <div style={title}>
        {map.name} · {snapshot.metricLabel}
        {map.kind === 'province' ? '（点击设区市下钻）' : snapshot.region.level === 'city' ? '（点击县市区下钻）' : ''}
      </div>
      <div
        ref={ref}
        data-testid="cockpit-map"
        data-map={map.code}
        data-features={drawn?.features}
        data-areas={map.areas.length}
        style={{ flex: 1, minHeight: 0 }}
      />
      {error && <div style={{ color: C.danger, fontSize: 18 }}>{error}</div>}
      {drawn && drawn.missing.length > 0 && (
        <div data-testid="cockpit-map-missing" style={{ color: C.dim, fontSize: 16 }}>
          底图无边界（区划调整后新设）：{drawn.missing.join('、')}
        </div>
      )}
    </div>
  );
}

export default function CockpitPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const metric = (params.get('metric') as Metric | null) ?? 'inspections';
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [polls, setPolls] = useState({ count: 0, at: '' });
  const etag = useRef<string | null>(null);

  useEffect(() => {
    etag.current = null;
    let stopped = false;
    const controller = new AbortController();
    const poll = async () => {
      const qs = new URLSearchParams({ metric, ...(region ? { regionCode: region } : {}) });
      try {
        const res = await fetch(`${API_BASE}/cockpit?${qs}`, {
          headers: { Accept: 'application/json', ...(etag.current ? { 'If-None-Match': etag.current } : {}) },
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (res.status === 401) {
          window.location.assign(loginPath(window.location.pathname + window.location.search));
          return;
        }
        if (res.ok) {
          etag.current = res.headers.get('etag');
          setSnapshot((await res.json()) as Snapshot);
          setState('ready');
        } else if (res.status !== 304) setState('error');
        setPolls((p) => ({ count: p.count + 1, at: new Date().toLocaleTimeString('zh-CN') }));
      } catch {
        if (!stopped) setState('error');
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      controller.abort();
      clearInterval(timer);
    };
  }, [region, metric]);

  const set = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...patch });
  const s = snapshot;
  return (
    <div
      data-testid="cockpit"
      data-state={state}
      data-region={s?.region.code}
      style={{
        width: '100vw',
        height: '100vh',
        minWidth: 1280,
        background: C.bg,
        color: C.text,
        padding: 24,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        gap: 16,
        overflow: 'hidden',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <div style={{ fontSize: 40, fontWeight: 600, letterSpacing: 4 }} data-testid="cockpit-title">
          {s ? `${s.region.name}行政执法监督驾驶舱` : '行政执法监督驾驶舱'}
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 20 }}>
          {region && (
            <a style={{ color: C.accent }} onClick={() => setParams({ metric })} data-testid="cockpit-up">
              返回本辖区
            </a>
          )}
          <Segmented
            data-testid="cockpit-metric"
            size="large"
            value={metric}
            options={Object.entries(METRICS).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set({ metric: String(v) })}
          />
          <span data-testid="cockpit-refreshed" data-polls={polls.count} style={{ color: C.dim }}>
            数据日期 {s?.asOf ?? '—'} · 刷新于 {polls.at || '—'}
          </span>
        </div>
      </div>
      {s && (
        <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '420px 1fr 520px', gap: 16 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0 }}>
            <div style={{ ...panel, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              {COUNTERS.map((c) => (
                <div key={c.key} data-testid={`cockpit-counter-${c.key}`} data-value={s.counters[c.key]}>
                  <div style={{ color: C.dim, fontSize: 18 }}>{c.label}</div>
                  <div
                    style={{
                      fontSize: 36,
                      fontWeight: 600,
                      color: c.key.startsWith('clues') && c.key !== 'cluesClosedMonth' ? C.warn : C.accent,
                    }}
                  >
                    {s.counters[c.key]?.toLocaleString('zh-CN')}
                    <span style={{ fontSize: 16, color: C.dim, marginLeft: 4 }}>{c.unit}</span>
                  </div>
                </div>
              ))}
            </div>
            <div style={{ ...panel, flex: 1 }} data-testid="cockpit-flow">
              <div style={title}>线索闭环 发现 → 交办 → 整改 → 销号</div>
              {s.flow.map((f) => {
                const max = Math.max(1, ...s.flow.map((x) => x.count));
                return (
                  <div
                    key={f.stage}
                    data-testid="cockpit-flow-stage"
                    data-stage={f.stage}
                    data-count={f.count}
                    style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '14px 0', fontSize: 22 }}
                  >
                    <span style={{ width: 56 }}>{f.stage}</span>
                    <div style={{ flex: 1, background: '#12365f', height: 22, borderRadius: 11 }}>
                      <div style={{ width: `${(100 * f.count) / max}%`, background: C.accent, height: '100%', borderRadius: 11 }} />
                    </div>
                    <span style={{ width: 80, textAlign: 'right' }}>{f.count.toLocaleString('zh-CN')}</span>
                  </div>
                );
              })}
            </div>
          </div>
          <MapPanel snapshot={s} onDrill={(code) => set({ region: code })} />
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0 }}>
            <div style={{ ...panel, flex: 1, overflow: 'hidden' }} data-testid="cockpit-overdue" data-count={s.overdue.length}>
              <div style={title}>逾期与提级督办线索</div>
              {s.overdue.length === 0 && <div style={{ fontSize: 20, color: C.dim }}>暂无逾期线索</div>}
              {s.overdue.map((o) => (
                <div
                  key={o.id}
                  style={{ fontSize: 19, margin: '8px 0', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                >
                  <span style={{ color: C.danger }}>逾期{o.daysOver}天</span>
                  {o.escalation && <span style={{ color: C.warn }}> · {o.escalation === 'province' ? '省级督办' : '市级督办'}</span>}{' '}
                  {o.regionName} {o.title}
                </div>
              ))}
            </div>
            <div
              style={{ ...panel, flex: 1, overflow: 'hidden' }}
              data-testid="cockpit-rank-regions"
              data-count={s.rankings.regions.length}
            >
              <div style={title}>
                {s.map.kind === 'province' ? '设区市' : '县（市、区）'}排名 · {s.metricLabel}
              </div>
              {s.rankings.regions.map((r, i) => (
                <div key={r.code} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 20, margin: '6px 0' }}>
                  <span>
                    {i + 1}. {r.name}
                  </span>
                  <span style={{ color: C.accent }}>{r.value.toLocaleString('zh-CN')}</span>
                </div>
              ))}
            </div>
            <div
              style={{ ...panel, flex: 1, overflow: 'hidden' }}
              data-testid="cockpit-rank-agencies"
              data-count={s.rankings.agencies.length}
            >
              <div style={title}>未办结线索最多的执法主体</div>
              {s.rankings.agencies.map((a) => (
                <div key={a.id} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 19, margin: '6px 0', gap: 8 }}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{a.name}</span>
                  <span style={{ color: C.warn, whiteSpace: 'nowrap' }}>
                    {a.open}（逾期{a.overdue}）
                  </span>
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
