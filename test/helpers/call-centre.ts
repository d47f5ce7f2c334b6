// A stand-in for the external call centre that places Kedu's AI回访 calls: it speaks the protocol an
// integration uses — fetch the call list (GET …/call-list, JSON), "call" each enterprise, and post the
// outcomes back (POST /followup/outcomes) — over HTTP against a listening server. The calls are
// scripted: each task's fate and words come from a table the test gives, by task id.
export interface ScriptedCall {
  outcome: 'reached' | 'unreachable' | 'refused';
  /** What the enterprise says, answer by answer, keyed by question id; also written into the transcript. */
  answers?: Record<string, string>;
  /** Free words of the enterprise (added to the transcript after the questions). */
  says?: string;
}

interface CallListRow {
  taskId: string;
  script: { opening: string; steps: { questionId: string; say: string; branch: string | null }[]; closing: string };
}

export class CallCentreStandIn {
  readonly placed: string[] = [];

  constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly system = 'standin-cc',
  ) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}/api/v1${path}`, {
      ...init,
      headers: { cookie: this.cookie, 'content-type': 'application/json', ...init.headers },
    });
  }

  /** Pulls the campaign's call list, places every call by `fate`, posts the outcomes; returns the import report. */
  async run(
    campaignId: string,
    fate: (taskId: string) => ScriptedCall,
    which: 'first' | 'second' = 'first',
  ): Promise<{ status: number; report: Record<string, unknown> }> {
    const list = await this.request(`/followup/campaigns/${campaignId}/call-list?which=${which}`);
    if (list.status !== 200) return { status: list.status, report: (await list.json()) as Record<string, unknown> };
    const { rows } = (await list.json()) as { rows: CallListRow[] };
    const at = new Date().toISOString();
    const outcomes = rows.map((row, i) => {
      const f = fate(row.taskId);
      this.placed.push(row.taskId);
      const transcript =
        f.outcome === 'reached'
          ? [
              `回访员：${row.script.opening}企业：是的。`,
              ...row.script.steps
                .filter((s) => f.answers?.[s.questionId] !== undefined)
                .map((s) => `回访员：${s.say}企业：${f.answers![s.questionId]}。`),
              ...(f.says ? [`企业：${f.says}`] : []),
            ].join('')
          : undefined;
      return {
        callId: `${which}-${row.taskId}-${i}`,
        taskId: row.taskId,
        calledAt: at,
        outcome: f.outcome,
        channel: which === 'second' ? 'human' : 'phone',
        ...(f.outcome === 'reached' ? { answers: f.answers ?? {}, transcript } : {}),
      };
    });
    if (outcomes.length === 0) return { status: 200, report: { rowsRead: 0 } };
    const res = await this.request('/followup/outcomes', { method: 'POST', body: JSON.stringify({ sourceSystem: this.system, outcomes }) });
    return { status: res.status, report: (await res.json()) as Record<string, unknown> };
  }
}
