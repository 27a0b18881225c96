import { caseFacts } from '../../shared/domain/caseFacts.ts';
import { ROLES, roleIdFrom } from '../../shared/domain/roles.ts';
import { SYSTEMS } from '../../shared/domain/systems.ts';
import { NO_HOME_LABEL } from '../../shared/domain/transition.ts';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { frameNameIs } from '../../shared/placement/frames.ts';
import { ATTENDANCE_LABELS, MEETING_LABELS, PLAN_CHANGE_LABELS, type MeetingAttendee, type MeetingDetails } from '../../shared/protocol/index.ts';
import { extractCase, plansByOwner, servicesBySystem, type CaseContent, type Placed, type SkippedRecord } from '../../shared/records/index.ts';
import {
  BASIC_INFO_LABELS,
  CARE_LEVEL_LABELS,
  CLIENT_VOICE_TYPE,
  ECOMAP_PERSON_TYPE,
  ECOMAP_TIE_TYPE,
  LIFE_STAGE_TYPE,
  PLAN_ITEM_TYPE,
  PLAN_STATE_LABELS,
  SERVICE_CARD_TYPE,
  SERVICE_STATUS_LABELS,
  SUPPORT_LEVEL_LABELS,
  VOICE_SOURCE_LABELS,
  YES_NO_LABELS,
  type BasicInfoProps,
  type ServiceCardProps,
} from '../../shared/shapes/index.ts';
import type { MeetingRecordMeta } from '../storage/index.ts';
import { boardPictureSvg } from './boardPicture.ts';
import { consentSectionHtml, printedDate } from './consentSection.ts';
import { esc, escLines } from './html.ts';

export type MinutesLang = 'ja' | 'en';

/** The two layouts of a record's minutes: 第4表 (介護支援専門員) or モニタリング報告 (相談支援専門員). */
export type MinutesFormat = 'form4' | 'monitoring';

const L = {
  ja: {
    form4No: '第4表',
    form4Title: 'サービス担当者会議の要点',
    monitoringTitle: 'モニタリング報告書（サービス等利用計画）',
    switchLabel: '様式',
    form4Switch: '第4表　サービス担当者会議の要点',
    monitoringSwitch: 'モニタリング報告',
    printHint: '印刷すると、選んだ様式だけが出ます。',
    createdOn: '作成年月日',
    clientName: '利用者名',
    honorific: '殿',
    planAuthor: '居宅サービス計画作成者（担当者）氏名',
    monitoringAuthor: '計画作成担当者（相談支援専門員）',
    place: '開催場所',
    time: '開催時間',
    attendance: '本人・家族の出席',
    clientWord: '本人',
    familyWord: '家族',
    relation: '続柄',
    remainingNext: '残された課題（次回の開催時期）',
    nextMeeting: '次回の開催時期',
    noMeeting: '会議の要点は入力されていません（ボードの「会議の要点」カードか、記録を保存するときに書きます）。',
    notEntered: '（記入なし）',
    basicInfo: '利用者の基本情報',
    age: '年齢',
    ageValue: (age: number) => `${age}歳（開催日時点）`,
    handbooks: '手帳',
    record: '記録',
    board: 'ボード',
    savedAt: '保存日時',
    boardContent: 'ボードの内容',
    voices: '本人の言葉',
    noVoices: '（本人の言葉は書かれていません）',
    recordedBy: '記録した人',
    family: '家族の思い',
    notes: '付箋・メモ（枠ごと）',
    outsideFrames: '枠の外',
    services: '現在のサービス（制度別）',
    proposals: '提案（移行後の案・まだ使っていないサービス）',
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
    planProgress: '計画の項目ごとの状況',
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
    month: (y: number, m: number) => `${y}年${m}月`,
    sep: '、',
    colon: '：',
    range: '〜',
  },
  en: {
    form4No: 'Form 4',
    form4Title: 'Service coordination meeting: summary',
    monitoringTitle: 'Monitoring report (service use plan)',
    switchLabel: 'Layout',
    form4Switch: 'Form 4: meeting summary',
    monitoringSwitch: 'Monitoring report',
    printHint: 'Printing gives the chosen layout only.',
    createdOn: 'Written on',
    clientName: 'Person',
    honorific: '',
    planAuthor: 'Care plan written by',
    monitoringAuthor: 'Plan written by (disability support counsellor)',
    place: 'Place',
    time: 'Time',
    attendance: 'The person and family',
    clientWord: 'The person',
    familyWord: 'Family',
    relation: 'relation',
    remainingNext: 'Open issues (next meeting)',
    nextMeeting: 'Next meeting',
    noMeeting: 'No meeting details were entered (write them on the board\'s meeting details card, or when saving a record).',
    notEntered: '(not entered)',
    basicInfo: 'Basic facts of the person',
    age: 'Age',
    ageValue: (age: number) => `${age} (on the meeting date)`,
    handbooks: 'Handbooks',
    record: 'Record',
    board: 'Board',
    savedAt: 'Saved',
    boardContent: 'What the board says',
    voices: "The person's own words",
    noVoices: '(no words of the person were written down)',
    recordedBy: 'Recorded by',
    family: "The family's thoughts",
    notes: 'Sticky notes and texts, by frame',
    outsideFrames: 'Outside any frame',
    services: 'Current services, by system',
    proposals: 'Proposals (after the move, not yet in use)',
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
    planProgress: 'Each plan item',
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
    month: (y: number, m: number) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))),
    sep: ', ',
    colon: ': ',
    range: '–',
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

/** A moment's date in Japan as YYYY-MM-DD, and its time as HH:MM. */
function tokyoParts(d: Date): { ymd: string; hm: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { ymd: `${parts.year}-${parts.month}-${parts.day}`, hm: `${parts.hour}:${parts.minute}` };
}

/** A saved moment as the minutes print it: 2026年4月13日（月） 14:05. */
export function printedMoment(d: Date, lang: MinutesLang): string {
  const { ymd, hm } = tokyoParts(d);
  return `${printedDate(ymd, lang)} ${hm}`;
}

function printedMonth(ym: string, lang: MinutesLang): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y && m ? L[lang].month(y, m) : ym;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; color: #1f2328; line-height: 1.6; margin: 0 auto; max-width: 190mm; padding: 8mm; font-size: 10.5pt; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; border-bottom: 2px solid #1f2328; margin: 6mm 0 2mm; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; break-inside: auto; table-layout: fixed; }
th, td { border: 1px solid #8c959f; padding: 1mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f3f6; font-weight: bold; }
tr { break-inside: avoid; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; margin: 0 0 3mm; font-size: 9.5pt; color: #57606a; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.form-no { margin: 0; font-size: 10pt; color: #57606a; }
.doc-meta { display: flex; justify-content: space-between; gap: 4mm; margin: 0 0 2mm; font-size: 9.5pt; color: #57606a; }
table.head:not(:has(colgroup)) th { width: 19%; }
.people th { width: 45%; }
.box { border: 1px solid #8c959f; padding: 2mm 3mm; margin: 0 0 2mm; min-height: 8mm; white-space: pre-wrap; overflow-wrap: anywhere; }
.facts { font-size: 9.5pt; }
.facts th { width: 22%; }
.facts td { width: 28%; }
.voice { border-left: 5px solid #c2410c; background: #fff0e6; padding: 2mm 3mm; margin: 2mm 0; break-inside: avoid; }
.voice q { font-size: 11.5pt; quotes: '「' '」' '『' '』'; }
.voice p { margin: 0; }
.voice .inferred { font-style: italic; }
.voice small { display: block; color: #57606a; }
.family { border-left: 5px solid #8250df; background: #fbefff; padding: 1.5mm 3mm; margin: 1.5mm 0; white-space: pre-wrap; break-inside: avoid; }
ul.notes { margin: 1mm 0 2mm; padding-left: 6mm; }
ul.notes li { white-space: pre-wrap; margin: 0.5mm 0; }
.system { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-size: 9.5pt; font-weight: bold; }
.picture svg { width: 100%; height: auto; border: 1px solid #d0d7de; }
.frame-picture { break-inside: avoid; margin-top: 3mm; }
.muted { color: #57606a; }
.skipped { border: 2px solid #bf8700; background: #fff8c5; padding: 1mm 3mm; margin: 4mm 0; break-inside: avoid; }
.skipped h2 { border-bottom: none; margin-top: 2mm; }
.skipped li { overflow-wrap: anywhere; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #57606a; word-break: break-all; }
.fmt { position: absolute; opacity: 0; pointer-events: none; }
.switch { display: flex; flex-wrap: wrap; gap: 2mm; align-items: center; margin: 0 0 4mm; padding: 2mm 3mm; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 2mm; font-size: 10pt; }
.switch label { border: 1px solid #8c959f; border-radius: 2mm; padding: 0.5mm 3mm; cursor: pointer; background: #fff; }
.fmt-form4:checked ~ .switch .for-form4, .fmt-monitoring:checked ~ .switch .for-monitoring { background: #1f2328; color: #fff; border-color: #1f2328; }
.fmt-form4:focus-visible ~ .switch .for-form4, .fmt-monitoring:focus-visible ~ .switch .for-monitoring { outline: 3px solid #0969da; }
.fmt-form4:checked ~ .layout-monitoring, .fmt-monitoring:checked ~ .layout-form4 { display: none; }
@media print { .switch { display: none; } .picture { break-before: page; } }
`;

/** th/td pairs of a two-column fact table, empty values left out. */
function pairsTable(cls: string, pairs: [string, string][]): string {
  const shown = pairs.filter(([, v]) => v.trim() !== '');
  if (shown.length === 0) return '';
  const rows: string[] = [];
  for (let i = 0; i < shown.length; i += 2) {
    const a = shown[i] as [string, string];
    const b = shown[i + 1];
    rows.push(`<tr><th>${esc(a[0])}</th><td${b ? '' : ' colspan="3"'}>${escLines(a[1])}</td>${b ? `<th>${esc(b[0])}</th><td>${escLines(b[1])}</td>` : ''}</tr>`);
  }
  return `<table class="${cls}"><tbody>${rows.join('')}</tbody></table>`;
}

function basicInfoHtml(info: BasicInfoProps | null, meetingDate: string, lang: MinutesLang): string {
  if (!info) return '';
  const t = L[lang];
  const label = (k: keyof typeof BASIC_INFO_LABELS) => BASIC_INFO_LABELS[k][lang];
  const facts = caseFacts(info, meetingDate);
  const handbooks = [info.physicalHandbook && `${label('physicalHandbook')} ${info.physicalHandbook}`, info.ryoikuHandbook && `${label('ryoikuHandbook')} ${info.ryoikuHandbook}`, info.mentalHandbook && `${label('mentalHandbook')} ${info.mentalHandbook}`]
    .filter(Boolean)
    .join('\n');
  const withPeriod = (value: string, period: string) => (value && period ? `${value}（${period}）` : value || period);
  const table = pairsTable('facts', [
    [label('birthDate'), info.birthDate ? printedDate(info.birthDate, lang) : ''],
    [t.age, facts.age !== null ? t.ageValue(facts.age) : ''],
    [label('disability'), info.disability],
    [t.handbooks, handbooks],
    [label('supportLevel'), withPeriod(info.supportLevel ? SUPPORT_LEVEL_LABELS[info.supportLevel][lang] : '', info.supportLevelPeriod)],
    [label('benefitPeriod'), info.benefitPeriod],
    [label('careLevel'), withPeriod(info.careLevel ? CARE_LEVEL_LABELS[info.careLevel][lang] : '', info.careLevelPeriod)],
    [label('specifiedDisease'), info.specifiedDisease],
    [label('monthlyCap'), info.monthlyCap],
    [label('copayRate'), info.copayRate],
    [label('doctor'), info.doctor],
    [label('guardianship'), info.guardianship],
    [label('publicAssistance'), info.publicAssistance ? YES_NO_LABELS[info.publicAssistance][lang] : ''],
    [label('medicalInsurance'), info.medicalInsurance ? YES_NO_LABELS[info.medicalInsurance][lang] : ''],
    [label('excludedFacility'), info.excludedFacility === 'yes' ? YES_NO_LABELS.yes[lang] : ''],
  ]);
  return table ? `<h3>${t.basicInfo}</h3>${table}` : '';
}

/** What both layouts take from the record besides its 会議の要点. */
interface Shared {
  lang: MinutesLang;
  createdOn: string;
  clientName: string;
  basicInfo: string;
  /** The record's attendee list (as corrected when saving, else who was on the board), as 所属（職種）・氏名. */
  attendees: MeetingAttendee[];
  /** Whether 本人 / 家族 were among them (when the 会議の要点 does not say). */
  clientOnBoard: boolean;
  familyOnBoard: boolean;
}

/** 第4表「サービス担当者会議の要点」, in its order and wording. */
function form4Html(m: MeetingDetails | null, args: Shared): string {
  const { lang } = args;
  const t = L[lang];
  const M = (k: keyof typeof MEETING_LABELS) => MEETING_LABELS[k][lang];
  const box = (v: string | undefined) => `<div class="box">${v?.trim() ? escLines(v) : `<span class="muted">${t.notEntered}</span>`}</div>`;
  const place = m ? (m.online ? `${M('online')}${m.onlineTool ? `（${m.onlineTool}）` : ''}${m.place ? ` ${m.place}` : ''}` : m.place) : '';
  const time = m && (m.start || m.end) ? `${m.start}${t.range}${m.end}` : '';
  const head = `<table class="head"><colgroup><col style="width:15%"><col style="width:30%"><col style="width:29%"><col style="width:26%"></colgroup><tbody>
<tr><th>${t.clientName}</th><td>${esc(m?.clientName || args.clientName)}${t.honorific && (m?.clientName || args.clientName) ? ` ${t.honorific}` : ''}</td><th>${t.planAuthor}</th><td>${esc(m?.author ?? '')}</td></tr>
<tr><th>${M('date')}</th><td>${m?.date ? esc(printedDate(m.date, lang)) : ''}</td><th>${t.place}</th><td>${esc(place)}</td></tr>
<tr><th>${t.time}</th><td>${esc(time)}</td><th>${M('round')}</th><td>${esc(m?.round ?? '')}</td></tr>
</tbody></table>`;
  // Without a 会議の要点 (or with its list left empty), the record's own attendee list stands in.
  const attendance = (a: MeetingDetails['clientAttendance'], onBoard: boolean) => (a ? ATTENDANCE_LABELS[a][lang] : onBoard ? ATTENDANCE_LABELS.present[lang] : t.notEntered);
  const attendanceLine = (client: string, family: string, relation: string) =>
    lang === 'ja' ? `${t.clientWord}：【${client}】　${t.familyWord}：【${family}】${relation ? `（${t.relation}：${relation}）` : ''}` : `${t.clientWord}: ${client} · ${t.familyWord}: ${family}${relation ? ` (${t.relation}: ${relation})` : ''}`;
  const listed = m?.attendees.filter((a) => a.name.trim() || a.affiliation.trim()) ?? [];
  const people = listed.length ? listed : args.attendees;
  const attendees = `<h2>${M('attendees')}</h2>${
    people.length ? `<table class="people"><thead><tr><th>${M('affiliation')}</th><th>${M('name')}</th></tr></thead><tbody>${people.map((a) => `<tr><td>${esc(a.affiliation)}</td><td>${esc(a.name)}</td></tr>`).join('')}</tbody></table>` : `<p class="muted">${t.notEntered}</p>`
  }<p class="attendance">${attendanceLine(esc(attendance(m?.clientAttendance ?? '', args.clientOnBoard)), esc(attendance(m?.familyAttendance ?? '', args.familyOnBoard)), esc(m?.familyRelation ?? ''))}</p>`;
  const absent = m?.absentees.filter((a) => a.name.trim() || a.affiliation.trim()) ?? [];
  const absentees = `<h2>${M('absentees')}</h2>${
    absent.length
      ? `<table><colgroup><col style="width:22%"><col style="width:16%"><col style="width:31%"><col style="width:31%"></colgroup><thead><tr><th>${M('affiliation')}</th><th>${M('name')}</th><th>${M('inquiry')}</th><th>${M('answer')}</th></tr></thead><tbody>${absent.map((a) => `<tr><td>${esc(a.affiliation)}</td><td>${esc(a.name)}</td><td>${escLines(a.inquiry)}</td><td>${escLines(a.answer)}</td></tr>`).join('')}</tbody></table>`
      : `<p class="muted">${t.none}</p>`
  }`;
  return `<p class="form-no">${t.form4No}</p><h1>${t.form4Title}</h1>
<p class="doc-meta"><span>${t.createdOn}${t.colon}${esc(args.createdOn)}</span></p>
${m ? '' : `<p class="muted" role="note">${t.noMeeting}</p>`}
${head}
${args.basicInfo}
${attendees}
${absentees}
<h2>${M('topics')}</h2>${box(m?.topics)}
<h2>${M('discussion')}</h2>${box(m?.discussion)}
<h2>${M('conclusion')}</h2>${box(m?.conclusion)}
<h2>${t.remainingNext}</h2>${box(m?.remaining)}<p><strong>${t.nextMeeting}${t.colon}</strong>${m?.nextMeeting ? esc(m.nextMeeting) : `<span class="muted">${t.notEntered}</span>`}</p>`;
}

/** モニタリング報告: 実施日, 本人の満足度, 目標の達成度, サービス等利用計画の変更の要否, 次回モニタリング月. */
function monitoringHtml(m: MeetingDetails | null, content: CaseContent, args: Shared): string {
  const { lang } = args;
  const t = L[lang];
  const M = (k: keyof typeof MEETING_LABELS) => MEETING_LABELS[k][lang];
  const mon = m?.monitoring;
  const box = (v: string | undefined) => `<div class="box">${v?.trim() ? escLines(v) : `<span class="muted">${t.notEntered}</span>`}</div>`;
  const head = pairsTable('head', [
    [t.clientName, m?.clientName || args.clientName || t.notEntered],
    [t.monitoringAuthor, m?.author || t.notEntered],
    [M('monitoringDate'), m?.date ? printedDate(m.date, lang) : t.notEntered],
    [t.place, m ? (m.online ? `${M('online')}${m.onlineTool ? `（${m.onlineTool}）` : ''}` : m.place) || t.notEntered : t.notEntered],
  ]);
  const plans = content.plans.length
    ? `<table><colgroup><col style="width:30%"><col style="width:30%"><col style="width:20%"><col style="width:20%"></colgroup><thead><tr><th>${t.need}</th><th>${t.goal}</th><th>${t.due}</th><th>${t.state}</th></tr></thead><tbody>${content.plans
        .map((p) => `<tr><td>${escLines(p.props.need)}</td><td>${escLines(p.props.goal)}</td><td>${esc(p.props.due)}</td><td>${esc(PLAN_STATE_LABELS[p.props.state][lang])}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const change = mon?.planChange ? PLAN_CHANGE_LABELS[mon.planChange][lang] : t.notEntered;
  return `<h1>${t.monitoringTitle}</h1>
<p class="doc-meta"><span>${t.createdOn}${t.colon}${esc(args.createdOn)}</span></p>
${m ? '' : `<p class="muted" role="note">${t.noMeeting}</p>`}
${head}
${args.basicInfo}
<h2>${M('satisfaction')}</h2>${box(mon?.satisfaction)}
<h2>${M('goalAchievement')}</h2>${box(mon?.goalAchievement)}${plans ? `<h3>${t.planProgress}</h3>${plans}` : ''}
<h2>${M('planChange')}</h2><p><strong>${esc(change)}</strong></p>${mon?.planChangeReason ? box(mon.planChangeReason) : ''}
<h2>${M('nextMonth')}</h2><p>${mon?.nextMonth ? esc(printedMonth(mon.nextMonth, lang)) : `<span class="muted">${t.notEntered}</span>`}</p>`;
}

function servicesTable(list: Placed<ServiceCardProps>[], lang: MinutesLang): string {
  const t = L[lang];
  const rows = list
    .map((s) => `<tr><td>${esc(s.props.service)}</td><td>${esc(s.props.provider)}</td><td>${esc(s.props.amount)}</td><td>${esc(SERVICE_STATUS_LABELS[s.props.status][lang])}</td><td>${escLines(s.props.note)}</td></tr>`)
    .join('');
  return `<table><colgroup><col style="width:22%"><col style="width:20%"><col style="width:17%"><col style="width:11%"><col style="width:30%"></colgroup><thead><tr><th>${t.service}</th><th>${t.provider}</th><th>${t.amount}</th><th>${t.status}</th><th>${t.note}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function systemHeading(system: ServiceCardProps['system'], lang: MinutesLang): string {
  const sys = SYSTEMS[system];
  return `<h3><span class="system" style="background:${sys.tint};color:${sys.text};border:1px solid ${sys.color}">${esc(lang === 'ja' ? sys.label : sys.labelEn)}</span></h3>`;
}

/**
 * A template's fill-in prompt nobody filled in (「【お金】\n収入：\nこれまでの利用者負担：」): every
 * line a 【heading】 or a label ending in a colon with nothing after it. Not what the meeting said.
 */
export function unfilledPrompt(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => /^【[^】]*】$/.test(l) || /[：:]$/.test(l));
}

/** What the board says, in the order the meeting reads it (both layouts end with it). */
function boardContentHtml(content: CaseContent, lang: MinutesLang): string {
  const t = L[lang];
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

  // 家族の思い are the sticky notes of the 本人の思い frame (kept apart from the person's own cards).
  const isFamily = (n: Placed<{ text: string }>) => n.frame !== null && frameNameIs(n.frame, 'voices');
  const family = content.notes.filter(isFamily);
  const familyHtml = family.length ? family.map((n) => `<div class="family">${escLines(n.props.text)}</div>`).join('') : `<p class="muted">${t.none}</p>`;

  // Every other sticky note or text, by the frame it sits in (frames in reading order, then the rest).
  const byFrame = new Map<string, string[]>();
  for (const n of content.notes) {
    if (isFamily(n) || unfilledPrompt(n.props.text)) continue;
    const key = n.frame ?? '';
    // A note shared in a workshop group carries who wrote it (meta.author, stamped by the server).
    byFrame.set(key, [...(byFrame.get(key) ?? []), `${escLines(n.props.text)}${n.props.author ? ` <span class="muted">（${esc(n.props.author)}）</span>` : ''}`]);
  }
  const frameOrder = [...new Set([...content.frames.map((f) => f.name), ...byFrame.keys()])].filter((name) => byFrame.has(name));
  frameOrder.sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  const notesHtml = frameOrder.length
    ? frameOrder.map((name) => `<h3>${esc(name || t.outsideFrames)}</h3><ul class="notes">${(byFrame.get(name) ?? []).map((html) => `<li>${html}</li>`).join('')}</ul>`).join('')
    : `<p class="muted">${t.none}</p>`;

  const inUse = [...servicesBySystem(content)].map(([system, list]) => [system, list.filter((s) => s.props.status !== 'proposed')] as const).filter(([, list]) => list.length > 0);
  const proposed = [...servicesBySystem(content)].map(([system, list]) => [system, list.filter((s) => s.props.status === 'proposed')] as const).filter(([, list]) => list.length > 0);
  const services = inUse.map(([system, list]) => `${systemHeading(system, lang)}${servicesTable(list, lang)}`).join('');
  const proposals = proposed.map(([system, list]) => `${systemHeading(system, lang)}${servicesTable(list, lang)}`).join('');

  const plans = [...plansByOwner(content)]
    .map(([owner, list]) => {
      const rows = [...list]
        .sort((a, b) => (a.props.priority ?? 99) - (b.props.priority ?? 99))
        .map((p) => `<tr><td>${esc(p.props.priority ?? '')}</td><td>${escLines(p.props.need)}</td><td>${escLines(p.props.goal)}</td><td>${escLines(p.props.support)}</td><td>${esc(p.props.due)}</td><td>${esc(label(PLAN_STATE_LABELS[p.props.state]))}</td></tr>`)
        .join('');
      return `<h3>${t.owner}: ${esc(owner ? roleName(owner, lang) : t.undecided)}</h3><table><colgroup><col style="width:10%"><col style="width:23%"><col style="width:21%"><col style="width:22%"><col style="width:12%"><col style="width:12%"></colgroup><thead><tr><th>${t.priority}</th><th>${t.need}</th><th>${t.goal}</th><th>${t.support}</th><th>${t.due}</th><th>${t.state}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');

  const list = (items: { input: string; note: string; counterparts?: string[] }[]) =>
    items.length ? `<ul>${items.map((i) => `<li><strong>${esc(i.input)}</strong>${i.counterparts?.length ? ` → ${esc(i.counterparts.join('・'))}` : ''}<br><span class="muted">${esc(i.note)}</span></li>`).join('')}</ul>` : `<p class="muted">${t.none}</p>`;
  const tr = content.transition;
  const questions = content.openQuestions.length ? `<ul>${content.openQuestions.map((q) => `<li>${escLines(q.props.text)}</li>`).join('')}</ul>` : `<p class="muted">${t.none}</p>`;

  return `<h2>${t.voices}</h2>${voices}
<h2>${t.family}</h2>${familyHtml}
<h2>${t.notes}</h2>${notesHtml}
<h2>${t.services}</h2>${services || `<p class="muted">${t.none}</p>`}
<h2>${t.proposals}</h2>${proposals || `<p class="muted">${t.none}</p>`}
<h2>${t.plans}</h2>${plans || `<p class="muted">${t.none}</p>`}
<h2>${t.transition}</h2>
<h3>${t.moves}</h3>${list(tr.moves)}
<h3>${t.continues}</h3>${list(tr.continues)}
<h3>${t.noHome}</h3>${list(tr.noHome)}
<h2>${t.questions}</h2>${questions}`;
}

/**
 * Each frame that holds what the meeting wrote (cards, notes, texts), drawn on its own at the
 * page's width so that its shapes' labels can be read on A4 (the whole board, above, shows
 * where everything sits).
 */
function framePictures(content: CaseContent, records: StoredRecord[], lang: MinutesLang): string {
  const used = new Set<string>();
  for (const list of [content.services, content.plans, content.voices, content.persons, content.notes, content.openQuestions]) for (const item of list) if (item.frame) used.add(item.frame);
  return content.frames
    .filter((f) => used.has(f.name))
    .map((f) => `<div class="frame-picture"><h3>${esc(f.name || (lang === 'ja' ? '（名前のない枠）' : '(unnamed frame)'))}</h3>${boardPictureSvg(records, { frameId: f.id })}</div>`)
    .join('');
}

/**
 * The printable minutes of a meeting record, from its document's records (pure): 第4表
 * 「サービス担当者会議の要点」 or the モニタリング報告 (both on the page, one shown and printed;
 * the page switches between them without script), then the consent, then what the board says.
 * The meeting details are those confirmed when saving, else the record's 会議の要点 card.
 */
export function minutesHtml(args: { boardTitle: string; record: MeetingRecordMeta; records: StoredRecord[]; skipped?: readonly SkippedRecord[]; lang?: MinutesLang; format?: MinutesFormat; training?: boolean }): string {
  const lang = args.lang ?? 'ja';
  const format = args.format ?? 'form4';
  const t = L[lang];
  const { record } = args;
  const content = extractCase(args.records);
  const meeting = record.meeting ?? content.meeting;
  const saved = tokyoParts(record.createdAt);
  const createdOn = printedDate(saved.ymd, lang);
  const clientName = content.basicInfo?.name ?? '';
  const basicInfo = basicInfoHtml(content.basicInfo, meeting?.date || saved.ymd, lang);
  const people = record.attendees.length > 0 ? record.attendees : record.participants;
  const shared: Shared = {
    lang,
    createdOn,
    clientName,
    basicInfo,
    attendees: people.map((p) => ({ affiliation: roleName(p.role, lang), name: p.name })),
    clientOnBoard: people.some((p) => roleIdFrom(p.role) === 'client'),
    familyOnBoard: people.some((p) => roleIdFrom(p.role) === 'family'),
  };

  // Stored records that fail the board schema are named, never silently dropped (docs/SPEC.md D4).
  // The validator's reason is English and technical: shown in the English minutes, a tooltip in Japanese.
  const skipped = args.skipped?.length
    ? `<section class="skipped" role="note"><h2>${t.skipped}</h2><p>${t.skippedNote}</p><ul>${args.skipped.map((s) => `<li title="${esc(s.error)}"><code>${esc(s.id)}</code>${s.type ? (lang === 'ja' ? `（${esc(TYPE_LABELS[s.type]?.ja ?? s.type)}）` : ` (${esc(TYPE_LABELS[s.type]?.en ?? s.type)})`) : ''}${lang === 'en' ? `: <span class="muted">${esc(s.error)}</span>` : ''}</li>`).join('')}</ul></section>`
    : '';
  const title = format === 'monitoring' ? t.monitoringTitle : `${t.form4No} ${t.form4Title}`;
  // The layout switch's ids are the record's own: a workshop prints several groups' minutes on one page.
  const key = record.id.replace(/[^A-Za-z0-9_-]/g, '');

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(record.title)} — ${esc(title)}</title><style>${STYLE}</style></head>
<body>
<input type="radio" class="fmt fmt-form4" name="fmt-${key}" id="fmt-form4-${key}"${format === 'form4' ? ' checked' : ''}>
<input type="radio" class="fmt fmt-monitoring" name="fmt-${key}" id="fmt-monitoring-${key}"${format === 'monitoring' ? ' checked' : ''}>
<nav class="switch" aria-label="${t.switchLabel}"><span>${t.switchLabel}:</span><label class="for-form4" for="fmt-form4-${key}">${t.form4Switch}</label><label class="for-monitoring" for="fmt-monitoring-${key}">${t.monitoringSwitch}</label><span class="muted">${t.printHint}</span></nav>
<dl class="meta"><dt>${t.record}</dt><dd>${esc(record.title)}</dd><dt>${t.board}</dt><dd>${esc(args.boardTitle)}</dd><dt>${t.savedAt}</dt><dd>${esc(printedMoment(record.createdAt, lang))}</dd></dl>
<section class="layout-form4" data-format="form4">${form4Html(meeting, shared)}</section>
<section class="layout-monitoring" data-format="monitoring">${monitoringHtml(meeting, content, shared)}</section>
${record.note ? `<h2>${t.meetingNote}</h2><div class="box">${escLines(record.note)}</div>` : ''}
${consentSectionHtml(record.consent, lang, args.training ?? false)}
<h1 style="margin-top:8mm">${t.boardContent}</h1>
${boardContentHtml(content, lang)}
${skipped}
<section class="picture"><h2>${t.picture}</h2>${boardPictureSvg(args.records)}${framePictures(content, args.records, lang)}</section>
<footer>${t.integrity} ${t.recordId}: ${esc(record.id)} · sha-256: ${esc(record.sha256)}</footer>
</body></html>`;
}
