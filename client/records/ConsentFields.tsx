import type { AttendeeInfo, ConsentMethod, RecordConsent } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { R } from '../ruby/index.ts';

/** One person's row as edited: both consents share name, method and date. */
export interface ConsentRow {
  name: string;
  method: ConsentMethod;
  proxy: string;
  date: string;
  /** Also consented to holding the meeting online. */
  online: boolean;
}

/** What the consent fieldset edits. */
export interface ConsentDraft {
  online: boolean;
  onlineTool: string;
  rows: ConsentRow[];
}

const texts = {
  ja: {
    legend: '同意の確認（運営基準 第23条③）',
    intro: '実際の会議の記録には、本人・家族の個人情報を出席者の間で使うことへの同意が必要です（オンライン開催ではその同意も）。記録と議事録に残ります。',
    online: 'オンラインで開催',
    tool: '使ったツール（例：Zoom）',
    name: '同意した人',
    method: '方法',
    written: '書面',
    oral: '口頭',
    proxy: '代理',
    proxyName: '代理人（続柄・氏名）',
    date: '同意した日',
    onlineToo: 'オンライン開催にも同意',
    add: '同意した人を足す',
    remove: '消す',
    needRow: '同意した人を1人以上入れてください。',
    needName: '同意した人の名前と日付を入れてください。',
    needProxy: '代理の場合は代理人を入れてください。',
    needOnline: 'オンライン開催の同意を1人以上確認してください。',
  },
  en: {
    legend: 'Consent (operating standards, art. 23(3))',
    intro: "A real meeting's record needs consent to using the person's and family's personal information among the attendees (and, when online, to meeting online). It is kept in the record and printed in the minutes.",
    online: 'Held online',
    tool: 'Tool used (e.g. Zoom)',
    name: 'Who consented',
    method: 'How',
    written: 'In writing',
    oral: 'Orally',
    proxy: 'By proxy',
    proxyName: 'Proxy (relation, name)',
    date: 'Date of consent',
    onlineToo: 'Also consented to meeting online',
    add: 'Add a person',
    remove: 'Remove',
    needRow: 'Enter at least one person who consented.',
    needName: 'Enter the name and date of each person who consented.',
    needProxy: 'Enter the proxy for a consent by proxy.',
    needOnline: 'Confirm at least one consent to meeting online.',
  },
} as const;

/** Today in the browser's time zone as YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A first draft: one row per attending 本人 or 家族, else one empty row. */
export function initialConsent(attendees: readonly AttendeeInfo[]): ConsentDraft {
  const people = attendees.filter((a) => a.role === 'client' || a.role === 'family').map((a) => a.name);
  const names = people.length > 0 ? people : [''];
  return { online: false, onlineTool: '', rows: names.map((name) => ({ name, method: 'written', proxy: '', date: today(), online: false })) };
}

/** The consent to send, or the message saying what is missing (in the UI language). */
export function consentFromDraft(d: ConsentDraft, locale: 'ja' | 'en'): { ok: true; value: RecordConsent } | { ok: false; message: string } {
  const t = texts[locale];
  const rows = d.rows.map((r) => ({ ...r, name: r.name.trim(), proxy: r.proxy.trim() })).filter((r) => r.name || r.proxy);
  if (rows.length === 0) return { ok: false, message: t.needRow };
  if (rows.some((r) => !r.name || !/^\d{4}-\d{2}-\d{2}$/.test(r.date))) return { ok: false, message: t.needName };
  if (rows.some((r) => r.method === 'proxy' && !r.proxy)) return { ok: false, message: t.needProxy };
  const entry = (r: ConsentRow) => ({ name: r.name, method: r.method, ...(r.method === 'proxy' ? { proxy: r.proxy } : {}), date: r.date });
  const onlineMeeting = d.online ? rows.filter((r) => r.online).map(entry) : [];
  if (d.online && onlineMeeting.length === 0) return { ok: false, message: t.needOnline };
  const tool = d.onlineTool.trim();
  return { ok: true, value: { online: d.online, ...(d.online && tool ? { onlineTool: tool } : {}), personalInfo: rows.map(entry), ...(d.online ? { onlineMeeting } : {}) } };
}

/** The save dialog's consent fieldset (only for a real meeting, not a 研修用 board). */
export function ConsentFields(props: { draft: ConsentDraft; onChange(d: ConsentDraft): void }) {
  const { locale } = useI18n();
  const t = texts[locale];
  const d = props.draft;
  const setRow = (i: number, patch: Partial<ConsentRow>) => props.onChange({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="rb-consent" data-testid="consent">
      <legend><R>{t.legend}</R></legend>
      <p className="rb-hint"><R>{t.intro}</R></p>
      <div className="rb-row">
        <label className="rb-check">
          <input type="checkbox" checked={d.online} onChange={(e) => props.onChange({ ...d, online: e.target.checked })} data-testid="consent-online" />
          <R>{t.online}</R>
        </label>
        {d.online && <input aria-label={t.tool} placeholder={t.tool} value={d.onlineTool} maxLength={100} onChange={(e) => props.onChange({ ...d, onlineTool: e.target.value })} data-testid="consent-tool" />}
      </div>
      {d.rows.map((r, i) => (
        <div className="rb-consent__row" key={i} data-testid="consent-row">
          <input aria-label={`${t.name} ${i + 1}`} placeholder={t.name} value={r.name} maxLength={100} onChange={(e) => setRow(i, { name: e.target.value })} />
          <select aria-label={`${t.method} ${i + 1}`} value={r.method} onChange={(e) => setRow(i, { method: e.target.value as ConsentMethod })}>
            <option value="written">{t.written}</option>
            <option value="oral">{t.oral}</option>
            <option value="proxy">{t.proxy}</option>
          </select>
          {r.method === 'proxy' && <input aria-label={`${t.proxyName} ${i + 1}`} placeholder={t.proxyName} value={r.proxy} maxLength={100} onChange={(e) => setRow(i, { proxy: e.target.value })} />}
          <input type="date" aria-label={`${t.date} ${i + 1}`} value={r.date} onChange={(e) => setRow(i, { date: e.target.value })} />
          {d.online && (
            <label className="rb-check">
              <input type="checkbox" checked={r.online} onChange={(e) => setRow(i, { online: e.target.checked })} />
              <R>{t.onlineToo}</R>
            </label>
          )}
          <button type="button" onClick={() => props.onChange({ ...d, rows: d.rows.filter((_, j) => j !== i) })} aria-label={`${t.remove}: ${r.name}`}>
            {t.remove}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange({ ...d, rows: [...d.rows, { name: '', method: 'written', proxy: '', date: today(), online: false }] })}>
        <R>{t.add}</R>
      </button>
    </fieldset>
  );
}
