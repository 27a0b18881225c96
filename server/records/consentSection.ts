import type { ConsentEntry, RecordConsent } from '../../shared/protocol/index.ts';
import { esc } from './html.ts';

/** The minutes' languages (as minutes.ts). */
type Lang = 'ja' | 'en';

const T = {
  ja: {
    heading: '同意の確認（個人情報の利用・オンライン開催）',
    training: '研修用のボードの記録です（同意の確認は不要）。',
    none: '同意の記録はありません（この機能より前に保存された記録です）。',
    place: '開催方法',
    inPerson: '対面',
    online: 'オンライン',
    personalInfo: '個人情報を出席者の間で使うことへの同意',
    onlineMeeting: 'オンラインで開催することへの同意',
    who: '同意した人',
    how: '方法',
    date: '同意した日',
    method: { written: '書面', oral: '口頭', proxy: '代理' },
  },
  en: {
    heading: 'Consent (personal information, online meeting)',
    training: 'A record of a training board (no consent needed).',
    none: 'No consent recorded (a record saved before this was asked).',
    place: 'Held',
    inPerson: 'In person',
    online: 'Online',
    personalInfo: 'Consent to using personal information among the attendees',
    onlineMeeting: 'Consent to holding the meeting online',
    who: 'Who consented',
    how: 'How',
    date: 'Date',
    method: { written: 'In writing', oral: 'Orally', proxy: 'By proxy' },
  },
} as const;

/** A YYYY-MM-DD date as the minutes print it: 2026年4月13日（月） or 13 April 2026 (Mon). */
export function printedDate(ymd: string, lang: Lang): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime())) return ymd;
  if (lang === 'ja') return `${y}年${m}月${d}日（${'日月火水木金土'[date.getUTCDay()]}）`;
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The consent section of a record's minutes (pure). `training`: the board is 研修用. */
export function consentSectionHtml(consent: RecordConsent | null | undefined, lang: Lang, training: boolean): string {
  const t = T[lang];
  if (!consent) return `<h2>${t.heading}</h2><p class="muted">${esc(training ? t.training : t.none)}</p>`;
  const rows = (list: readonly ConsentEntry[]) =>
    `<table class="consent"><thead><tr><th>${t.who}</th><th>${t.how}</th><th>${t.date}</th></tr></thead><tbody>${list
      .map((e) => `<tr><td>${esc(e.name)}</td><td>${esc(t.method[e.method])}${e.method === 'proxy' && e.proxy ? `（${esc(e.proxy)}）` : ''}</td><td>${esc(printedDate(e.date, lang))}</td></tr>`)
      .join('')}</tbody></table>`;
  const place = consent.online ? `${t.online}${consent.onlineTool ? `（${esc(consent.onlineTool)}）` : ''}` : t.inPerson;
  return `<h2>${t.heading}</h2><p>${t.place}: ${place}</p><h3>${t.personalInfo}</h3>${rows(consent.personalInfo)}${
    consent.online && consent.onlineMeeting?.length ? `<h3>${t.onlineMeeting}</h3>${rows(consent.onlineMeeting)}` : ''
  }`;
}
