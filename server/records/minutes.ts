import { ROLES, roleIdFrom } from '../../shared/domain/roles.ts';
import { SYSTEMS } from '../../shared/domain/systems.ts';
import { NO_HOME_LABEL } from '../../shared/domain/transition.ts';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { extractCase, plansByOwner, servicesBySystem, type SkippedRecord } from '../../shared/records/index.ts';
import {
  CLIENT_VOICE_TYPE,
  ECOMAP_PERSON_TYPE,
  ECOMAP_TIE_TYPE,
  LIFE_STAGE_TYPE,
  PLAN_ITEM_TYPE,
  PLAN_STATE_LABELS,
  SERVICE_CARD_TYPE,
  SERVICE_STATUS_LABELS,
  VOICE_SOURCE_LABELS,
} from '../../shared/shapes/index.ts';
import type { MeetingRecordMeta } from '../storage/index.ts';
import { boardPictureSvg } from './boardPicture.ts';
import { consentSectionHtml } from './consentSection.ts';
import { esc, escLines } from './html.ts';

export type MinutesLang = 'ja' | 'en';

const L = {
  ja: {
    minutes: '会議の記録（議事録）',
    board: 'ボード',
    when: '日時',
    attendees: '出席者',
    clientAttended: '本人の出席',
    yes: 'あり',
    no: 'なし',
    noAttendees: '（記録なし）',
    voices: '本人の言葉',
    noVoices: '（本人の言葉は書かれていません）',
    recordedBy: '記録した人',
    services: '現在のサービス',
    service: 'サービス',
    provider: '事業所',
    amount: '量（回数・時間）',
    status: '状態',
    note: 'メモ',
    none: '（なし）',
    plans: '支援計画の項目（担当別）',
    owner: '担当',
    undecided: '未定',
    priority: '優先順位',
    need: 'ニーズ・課題',
    goal: '目標',
    support: '支援内容',
    due: '期限',
    state: '状態',
    transition: '移行のまとめ',
    moves: '介護保険へ移るもの',
    continues: '障害福祉で続くもの',
    noHome: NO_HOME_LABEL.ja,
    questions: '論点・行政への確認事項',
    meetingNote: '記録のメモ',
    picture: 'ボードの全体図',
    integrity: 'この記録は保存後に変更できません。',
    recordId: '記録ID',
    skipped: '読み込めなかった項目',
    skippedNote: '次の項目はボードの形式に合わないため、この議事録には含めていません。',
  },
  en: {
    minutes: 'Meeting minutes',
    board: 'Board',
    when: 'Date and time',
    attendees: 'Attendees',
    clientAttended: 'The person attended',
    yes: 'yes',
    no: 'no',
    noAttendees: '(none recorded)',
    voices: "The person's own words",
    noVoices: "(no words of the person were written down)",
    recordedBy: 'Recorded by',
    services: 'Current services',
    service: 'Service',
    provider: 'Provider',
    amount: 'Amount',
    status: 'Status',
    note: 'Note',
    none: '(none)',
    plans: 'Plan items by owner',
    owner: 'Owner',
    undecided: 'not decided',
    priority: 'Priority',
    need: 'Need',
    goal: 'Goal',
    support: 'Support',
    due: 'Due',
    state: 'State',
    transition: 'Transition summary',
    moves: 'Moves to LTC insurance',
    continues: 'Continues under disability welfare',
    noHome: NO_HOME_LABEL.en,
    questions: 'Open questions for the municipality',
    meetingNote: 'Note',
    picture: 'The board',
    integrity: 'This record cannot be changed after it was saved.',
    recordId: 'Record id',
    skipped: 'Items that could not be read',
    skippedNote: 'These items do not match the board format and are left out of these minutes.',
  },
} as const;

/** What a person calls a record of each type, for the list of skipped records. */
const TYPE_LABELS: Record<string, { ja: string; en: string }> = {
  frame: { ja: '枠', en: 'Frame' },
  note: { ja: '付箋', en: 'Sticky note' },
  text: { ja: 'テキスト', en: 'Text' },
  geo: { ja: '図形', en: 'Shape' },
  arrow: { ja: '矢印', en: 'Arrow' },
  draw: { ja: '手書き', en: 'Drawing' },
  [SERVICE_CARD_TYPE]: { ja: 'サービスカード', en: 'Service card' },
  [PLAN_ITEM_TYPE]: { ja: '支援計画項目', en: 'Plan item' },
  [CLIENT_VOICE_TYPE]: { ja: '本人の言葉', en: "The person's words" },
  [LIFE_STAGE_TYPE]: { ja: 'ライフステージ帯', en: 'Life stages' },
  [ECOMAP_PERSON_TYPE]: { ja: 'エコマップの人物', en: 'Ecomap person' },
  [ECOMAP_TIE_TYPE]: { ja: 'エコマップの関係線', en: 'Ecomap tie' },
  binding: { ja: 'つながり', en: 'Connection' },
  page: { ja: 'ページ', en: 'Page' },
  asset: { ja: '画像などの素材', en: 'Asset' },
};

function roleName(role: string, lang: MinutesLang): string {
  const id = roleIdFrom(role);
  if (!id) return role || '—';
  return lang === 'ja' ? ROLES[id].label : ROLES[id].labelEn;
}

/** The words without one pair of outer brackets, which the minutes add themselves. */
function unquote(text: string): string {
  const t = text.trim();
  return /^「[\s\S]*」$/.test(t) ? t.slice(1, -1) : t;
}

function dateTime(d: Date, lang: MinutesLang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(d);
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; color: #1f2328; line-height: 1.6; margin: 0 auto; max-width: 190mm; padding: 8mm; font-size: 11pt; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; border-bottom: 2px solid #1f2328; margin: 7mm 0 2mm; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; break-inside: auto; }
th, td { border: 1px solid #8c959f; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #f0f3f6; }
tr { break-inside: avoid; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.voice { border-left: 5px solid #c2410c; background: #fff0e6; padding: 2mm 3mm; margin: 2mm 0; break-inside: avoid; }
.voice q { font-size: 12pt; quotes: '「' '」' '『' '』'; }
.voice p { margin: 0; }
.voice .inferred { font-style: italic; }
.voice small { display: block; color: #57606a; }
.system { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-size: 9.5pt; font-weight: bold; }
.picture svg { width: 100%; height: auto; border: 1px solid #d0d7de; }
.muted { color: #57606a; }
.skipped { border: 2px solid #bf8700; background: #fff8c5; padding: 1mm 3mm; margin: 4mm 0; break-inside: avoid; }
.skipped h2 { border-bottom: none; margin-top: 2mm; }
.skipped li { overflow-wrap: anywhere; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #57606a; word-break: break-all; }
@media print { .picture { break-before: page; } }
`;

/** The printable minutes of a meeting record, from its document's records (pure). */
export function minutesHtml(args: { boardTitle: string; record: MeetingRecordMeta; records: StoredRecord[]; skipped?: readonly SkippedRecord[]; lang?: MinutesLang; training?: boolean }): string {
  const lang = args.lang ?? 'ja';
  const t = L[lang];
  const { record } = args;
  const content = extractCase(args.records);
  const people = record.attendees.length > 0 ? record.attendees : record.participants;
  const byRole = new Map<string, string[]>();
  for (const p of people) byRole.set(roleName(p.role, lang), [...(byRole.get(roleName(p.role, lang)) ?? []), p.name]);
  const clientAttended = people.some((p) => roleIdFrom(p.role) === 'client');
  const label = (x: { ja: string; en: string }) => x[lang];

  const voices = content.voices.length
    ? content.voices
        .map(
          (v) =>
            // Inferred words are others' reading of the person's will: never shown as a quote.
            `<div class="voice">${v.props.source === 'inferred' ? `<p class="inferred">${escLines(unquote(v.props.text))}</p>` : `<q>${escLines(unquote(v.props.text))}</q>`}<small>${esc(label(VOICE_SOURCE_LABELS[v.props.source] ?? VOICE_SOURCE_LABELS.spoken))}${v.props.recordedBy ? `・${esc(t.recordedBy)}: ${esc(v.props.recordedBy)}` : ''}</small></div>`,
        )
        .join('')
    : `<p class="muted">${esc(t.noVoices)}</p>`;

  const services = [...servicesBySystem(content)]
    .filter(([, list]) => list.length > 0)
    .map(([system, list]) => {
      const sys = SYSTEMS[system];
      const rows = list
        .map((s) => `<tr><td>${esc(s.props.service)}</td><td>${esc(s.props.provider)}</td><td>${esc(s.props.amount)}</td><td>${esc(label(SERVICE_STATUS_LABELS[s.props.status]))}</td><td>${escLines(s.props.note)}</td></tr>`)
        .join('');
      return `<h3><span class="system" style="background:${sys.tint};color:${sys.text};border:1px solid ${sys.color}">${esc(lang === 'ja' ? sys.label : sys.labelEn)}</span></h3><table><thead><tr><th>${t.service}</th><th>${t.provider}</th><th>${t.amount}</th><th>${t.status}</th><th>${t.note}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');

  const plans = [...plansByOwner(content)]
    .map(([owner, list]) => {
      const rows = list
        .sort((a, b) => (a.props.priority ?? 99) - (b.props.priority ?? 99))
        .map((p) => `<tr><td>${esc(p.props.priority ?? '')}</td><td>${escLines(p.props.need)}</td><td>${escLines(p.props.goal)}</td><td>${escLines(p.props.support)}</td><td>${esc(p.props.due)}</td><td>${esc(label(PLAN_STATE_LABELS[p.props.state]))}</td></tr>`)
        .join('');
      return `<h3>${t.owner}: ${esc(owner ? roleName(owner, lang) : t.undecided)}</h3><table><thead><tr><th>${t.priority}</th><th>${t.need}</th><th>${t.goal}</th><th>${t.support}</th><th>${t.due}</th><th>${t.state}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');

  const list = (items: { input: string; note: string; counterparts?: string[] }[]) =>
    items.length ? `<ul>${items.map((i) => `<li><strong>${esc(i.input)}</strong>${i.counterparts?.length ? ` → ${esc(i.counterparts.join('・'))}` : ''}<br><span class="muted">${esc(i.note)}</span></li>`).join('')}</ul>` : `<p class="muted">${t.none}</p>`;
  const tr = content.transition;

  const questions = content.openQuestions.length ? `<ul>${content.openQuestions.map((q) => `<li>${escLines(q.props.text)}</li>`).join('')}</ul>` : `<p class="muted">${t.none}</p>`;
  // Stored records that fail the board schema are named, never silently dropped (docs/SPEC.md D4).
  // The validator's reason is English and technical: shown in the English minutes, a tooltip in Japanese.
  const skipped = args.skipped?.length
    ? `<section class="skipped" role="note"><h2>${t.skipped}</h2><p>${t.skippedNote}</p><ul>${args.skipped.map((s) => `<li title="${esc(s.error)}"><code>${esc(s.id)}</code>${s.type ? (lang === 'ja' ? `（${esc(TYPE_LABELS[s.type]?.ja ?? s.type)}）` : ` (${esc(TYPE_LABELS[s.type]?.en ?? s.type)})`) : ''}${lang === 'en' ? `: <span class="muted">${esc(s.error)}</span>` : ''}</li>`).join('')}</ul></section>`
    : '';
  const attendees = people.length
    ? `<table><tbody>${[...byRole].map(([role, names]) => `<tr><th>${esc(role)}</th><td>${names.map(esc).join('、')}</td></tr>`).join('')}</tbody></table>`
    : `<p class="muted">${t.noAttendees}</p>`;

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(record.title)} — ${t.minutes}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(record.title)}</h1>
<dl class="meta"><dt>${t.board}</dt><dd>${esc(args.boardTitle)}</dd><dt>${t.when}</dt><dd>${esc(dateTime(record.createdAt, lang))}</dd><dt>${t.clientAttended}</dt><dd>${clientAttended ? t.yes : t.no}</dd></dl>
<h2>${t.attendees}</h2>${attendees}
${consentSectionHtml(record.consent, lang, args.training ?? false)}
<h2>${t.voices}</h2>${voices}
<h2>${t.services}</h2>${services || `<p class="muted">${t.none}</p>`}
<h2>${t.plans}</h2>${plans || `<p class="muted">${t.none}</p>`}
<h2>${t.transition}</h2>
<h3>${t.moves}</h3>${list(tr.moves)}
<h3>${t.continues}</h3>${list(tr.continues)}
<h3>${t.noHome}</h3>${list(tr.noHome)}
<h2>${t.questions}</h2>${questions}
${skipped}
${record.note ? `<h2>${t.meetingNote}</h2><p>${escLines(record.note)}</p>` : ''}
<section class="picture"><h2>${t.picture}</h2>${boardPictureSvg(args.records)}</section>
<footer>${t.integrity} ${t.recordId}: ${esc(record.id)} · sha-256: ${esc(record.sha256)}</footer>
</body></html>`;
}
