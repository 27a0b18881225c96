// @vitest-environment jsdom
// minutesHtml: the printable minutes of a meeting record, built from its document's records.
import { describe, expect, it } from 'vitest';
import { minutesHtml } from '../../../server/records/minutes.ts';
import { ROLES } from '../../../shared/domain/roles.ts';
import { SYSTEMS } from '../../../shared/domain/systems.ts';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { PLAN_STATE_LABELS, SERVICE_STATUS_LABELS, VOICE_SOURCE_LABELS } from '../../../shared/shapes/index.ts';
import { basics, frame, note, plan, recordMeta, service, text, voice } from './fixtures.ts';
import { headerValue, parseMinutes, rowsUnder, section, sectionText, subsections } from './minutesDom.ts';

const BOARD_TITLE = '山本さんの移行支援会議';

/** A small case: services in three systems, plans for two owners and one undecided, voices and questions. */
function caseRecords(): StoredRecord[] {
  return [
    ...basics(),
    frame('svc', '現在のサービス', { x: 0, y: 0 }),
    service('kyotaku', { system: 'shogai', service: '居宅介護', provider: 'あゆみ', amount: '週3回', status: 'in-use' }, { parent: 'shape:svc', y: 10 }),
    service('b', { system: 'shogai', service: '就労継続支援B型', provider: 'ひまわり工房', status: 'in-use' }, { parent: 'shape:svc', y: 20 }),
    service('houmon', { system: 'kaigo', service: '訪問介護', status: 'proposed' }, { parent: 'shape:svc', y: 30 }),
    service('clinic', { system: 'iryo', service: '外来通院（内科）', status: 'ending' }, { parent: 'shape:svc', y: 40 }),
    plan('p-home', { need: '家で暮らし続けたい', goal: 'なじみのヘルパー', owner: 'caremanager', priority: 2, state: 'agreed' }, { y: 900 }),
    plan('p-kobo', { need: '工房を続けたい', goal: '週2日通う', owner: 'soudan', priority: 1, state: 'proposed' }, { y: 910 }),
    plan('p-day', { need: '静かな日中', owner: 'soudan', priority: 3, state: 'on-hold' }, { y: 920 }),
    plan('p-money', { need: 'お金の見通し', owner: '', state: 'proposed' }, { y: 930 }),
    voice('v1', { text: 'パンを作るのが好き', recordedBy: '田中', source: 'spoken' }, { y: 1000 }),
    voice('v2', { text: '見学で出口に向かった', recordedBy: '相談支援専門員', source: 'inferred' }, { y: 1010 }),
    note('not-a-voice', 'お母さんと家にいたい（メモ）', { y: 1020 }),
    frame('q', '論点・行政への確認事項', { x: 0, y: 2000 }),
    note('q1', '上乗せは認められるか', { parent: 'shape:q', y: 10 }),
  ];
}

describe('minutesHtml', () => {
  it('names the record and the board', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    expect(doc.querySelector('h1')?.textContent).toBe('サービス担当者会議の要点');
    expect(headerValue(doc, '記録')).toBe('第1回 移行支援会議');
    expect(headerValue(doc, '保存日時')).toBe('2026年4月13日（月） 10:30');
    expect(doc.documentElement.lang).toBe('ja');
    expect(doc.body.textContent).toContain(BOARD_TITLE);
    expect(doc.body.textContent).toContain('ab'.repeat(32));
  });

  it('labels the board title as the board', () => {
    const ja = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    expect(headerValue(ja, 'ボード')).toBe(BOARD_TITLE);
    const en = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords(), lang: 'en' }));
    expect(headerValue(en, 'Board')).toBe(BOARD_TITLE);
  });

  // Without 会議の要点, 第4表's 会議出席者 is the record's attendee list: 所属（職種） is the role's label.
  it('lists the record\'s attendees as 所属（職種）・氏名 with their role’s label, whether the role came as id or label', () => {
    const record = recordMeta({
      attendees: [
        { name: '田中', role: 'soudan' },
        { name: '山本 和夫', role: 'client' },
        { name: '佐藤', role: 'soudan' },
        { name: '鈴木', role: '介護支援専門員' },
        { name: '見学の人', role: '' },
      ],
    });
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record, records: caseRecords() }));
    const rows = rowsUnder(section(doc, '会議出席者'));
    expect(rows).toEqual([
      [ROLES.soudan.label, '田中'],
      [ROLES.client.label, '山本 和夫'],
      [ROLES.soudan.label, '佐藤'],
      [ROLES.caremanager.label, '鈴木'],
      ['—', '見学の人'],
    ]);
  });

  it('says whether 本人 attended', () => {
    const withClient = recordMeta({ attendees: [{ name: '山本', role: 'client' }, { name: '田中', role: 'soudan' }] });
    const without = recordMeta({ attendees: [{ name: '田中', role: 'soudan' }, { name: '母', role: 'family' }] });
    const byLabel = recordMeta({ attendees: [{ name: '山本', role: '本人' }] });
    const html = (record: ReturnType<typeof recordMeta>) => parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record, records: caseRecords() }));
    const line = (doc: Document) => doc.querySelector('.layout-form4 .attendance')?.textContent;
    expect(line(html(withClient))).toMatch(/^本人：【出席】\s*家族：【（記入なし）】$/);
    expect(line(html(without))).toMatch(/^本人：【（記入なし）】\s*家族：【出席】$/);
    expect(line(html(byLabel))).toMatch(/^本人：【出席】/);
  });

  it('falls back to who was present when no attendee list was given', () => {
    const record = recordMeta({ attendees: [], participants: [{ name: '山本', role: 'client' }, { name: '田中', role: 'soudan' }] });
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record, records: caseRecords() }));
    expect(rowsUnder(section(doc, '会議出席者'))).toContainEqual([ROLES.soudan.label, '田中']);
    expect(doc.querySelector('.layout-form4 .attendance')?.textContent).toMatch(/^本人：【出席】/);
  });

  it('puts each service under its own system, with its status label, and proposals apart', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    const bySystem = subsections(doc, '現在のサービス（制度別）');
    expect([...bySystem.keys()]).toEqual([SYSTEMS.shogai.label, SYSTEMS.iryo.label]);
    const proposals = subsections(doc, '提案（移行後の案・まだ使っていないサービス）');
    expect([...proposals.keys()]).toEqual([SYSTEMS.kaigo.label]);
    const rows = (system: keyof typeof SYSTEMS) => rowsUnder(bySystem.get(SYSTEMS[system].label));
    expect(rows('shogai').map((r) => [r[0], r[3]])).toEqual([
      ['居宅介護', SERVICE_STATUS_LABELS['in-use'].ja],
      ['就労継続支援B型', SERVICE_STATUS_LABELS['in-use'].ja],
    ]);
    expect(rows('shogai')[0]).toEqual(expect.arrayContaining(['あゆみ', '週3回']));
    expect(rowsUnder(proposals.get(SYSTEMS.kaigo.label)).map((r) => [r[0], r[3]])).toEqual([['訪問介護', SERVICE_STATUS_LABELS.proposed.ja]]);
    expect(rows('iryo').map((r) => [r[0], r[3]])).toEqual([['外来通院（内科）', SERVICE_STATUS_LABELS.ending.ja]]);
  });

  it('lists plan items under the owner’s role label, by priority, with their state label', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    const byOwner = subsections(doc, '支援計画の項目（担当別）');
    const rows = (heading: string) => rowsUnder(byOwner.get(heading)).map((r) => [r[1], r[5]]);
    expect(rows(`担当: ${ROLES.soudan.label}`)).toEqual([
      ['工房を続けたい', PLAN_STATE_LABELS.proposed.ja],
      ['静かな日中', PLAN_STATE_LABELS['on-hold'].ja],
    ]);
    expect(rows(`担当: ${ROLES.caremanager.label}`)).toEqual([['家で暮らし続けたい', PLAN_STATE_LABELS.agreed.ja]]);
    expect(rows('担当: 未定')).toEqual([['お金の見通し', PLAN_STATE_LABELS.proposed.ja]]);
  });

  it('quotes 本人の言葉 from the voice cards only, with how they were obtained; inferred words are not quoted', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    const quotes = section(doc, '本人の言葉').flatMap((e) => [...e.querySelectorAll('q')]).map((q) => q.textContent);
    // 意思決定支援ガイドライン: others' reading of the person's will must not read as their words.
    expect(quotes).toEqual(['パンを作るのが好き']);
    const inferred = section(doc, '本人の言葉').flatMap((e) => [...e.querySelectorAll('.inferred')]).map((p) => p.textContent);
    expect(inferred).toEqual(['見学で出口に向かった']);
    const text = sectionText(doc, '本人の言葉');
    expect(text).toContain(VOICE_SOURCE_LABELS.inferred.ja);
    expect(text).toContain('田中');
    expect(text).not.toContain('お母さんと家にいたい');
  });

  // People (and the templates) write spoken words with their 「」; the minutes put each voice in
  // a <q>, which a ja page renders with its own 「」, and the picture adds 「」 too: 「「…」」.
  it('does not double the 「」 a voice already has, in the quotes or in the picture', () => {
    const records = [...basics(), voice('v', { text: '「お母さんと、この家にいる」', recordedBy: '田中', source: 'spoken' })];
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records }));
    const quoted = section(doc, '本人の言葉').flatMap((e) => [...e.querySelectorAll('q')]);
    for (const q of quoted) expect(q.textContent).not.toMatch(/^「/);
    expect(sectionText(doc, '本人の言葉')).toContain('お母さんと、この家にいる');
    const labels = [...doc.querySelectorAll('section.picture svg text')].map((t) => t.textContent ?? '');
    expect(labels.some((l) => l.includes('お母さんと'))).toBe(true);
    for (const l of labels) expect(l).not.toContain('「「');
  });

  it('lists the open questions from the 論点 frame and the transition of the services in use', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    const questions = section(doc, '論点・行政への確認事項').flatMap((e) => [...e.querySelectorAll('li')]).map((li) => li.textContent);
    expect(questions).toEqual(['上乗せは認められるか']);
    const transition = subsections(doc, '移行のまとめ');
    // Only 障害福祉 services in use are items; 訪問介護 (介護保険, proposed) may only appear as a counterpart.
    const items = section(doc, '移行のまとめ').flatMap((e) => [...e.querySelectorAll('li > strong')]).map((s) => s.textContent);
    expect(new Set(items)).toEqual(new Set(['居宅介護', '就労継続支援B型']));
    expect((transition.get('介護保険へ移るもの') ?? []).map((e) => e.textContent).join()).toContain('居宅介護');
    expect((transition.get('障害福祉で続くもの') ?? []).map((e) => e.textContent).join()).toContain('就労継続支援B型');
  });

  it('escapes what people typed, everywhere it appears', () => {
    const evil = '<script>alert(1)</script>';
    const records = [
      ...basics(),
      service('s', { service: `居宅介護${evil}`, provider: `"><img src=x onerror=alert(2)>` }),
      voice('v', { text: `家にいたい${evil}`, recordedBy: evil }),
      plan('p', { need: `工房${evil}`, owner: 'soudan' }),
      frame('q', '論点'),
      note('n', `確認${evil}`, { parent: 'shape:q' }),
    ];
    const record = recordMeta({ title: `記録${evil}`, note: `メモ${evil}`, attendees: [{ name: `田中${evil}`, role: 'soudan' }] });
    const html = minutesHtml({ boardTitle: `ボード${evil}`, record, records });
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const doc = parseMinutes(html);
    expect(doc.querySelectorAll('script, img').length).toBe(0);
    expect(doc.querySelectorAll('[onerror]').length).toBe(0);
    // The text reads as typed.
    expect(headerValue(doc, '記録')).toBe(`記録${evil}`);
    expect(doc.body.textContent).toContain(`メモ${evil}`);
    expect(sectionText(doc, '会議出席者')).toContain(`田中${evil}`);
    expect(doc.title).toContain(`記録${evil}`);
  });

  it('writes English headings and labels with lang=en', () => {
    const record = recordMeta({ attendees: [{ name: 'Tanaka', role: 'soudan' }] });
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record, records: caseRecords(), lang: 'en' }));
    expect(doc.documentElement.lang).toBe('en');
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Attendees', "The person's own words", 'Current services, by system', 'Plan items by owner', 'Transition summary']));
    expect(headings.join()).not.toMatch(/[出席者本人現在]/);
    expect(rowsUnder(section(doc, 'Attendees'))).toEqual([[ROLES.soudan.labelEn, 'Tanaka']]);
    expect([...subsections(doc, 'Current services, by system').keys()]).toContain(SYSTEMS.shogai.labelEn);
    expect(doc.querySelector('.layout-form4 .attendance')?.textContent).toMatch(/^The person: \(not entered\) · Family: \(not entered\)$/);
    expect(subsections(doc, 'Plan items by owner').has(`Owner: ${ROLES.soudan.labelEn}`)).toBe(true);
  });

  it('says so when a board has no cards, voices or attendees', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: basics() }));
    expect(sectionText(doc, '会議出席者')).toMatch(/^（記入なし）/);
    expect(sectionText(doc, '本人の言葉')).toBe('（本人の言葉は書かれていません）');
    expect(sectionText(doc, '現在のサービス（制度別）')).toBe('（なし）');
    expect(sectionText(doc, '支援計画の項目（担当別）')).toBe('（なし）');
  });

  it('draws the board as an SVG picture with the cards’ names', () => {
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: caseRecords() }));
    const svg = doc.querySelector('section.picture svg');
    expect(svg).not.toBeNull();
    const labels = [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['居宅介護', '現在のサービス', '論点・行政への確認事項']));
  });
});

describe('distinctTitle', () => {
  it('keeps a free title, and gives a taken one the smallest free serial', async () => {
    const { distinctTitle } = await import('../../../server/records/RecordService.ts');
    expect(distinctTitle('2026年4月13日（月） 10:30 会議', new Set())).toBe('2026年4月13日（月） 10:30 会議');
    expect(distinctTitle('A', new Set(['A']))).toBe('A（2）');
    expect(distinctTitle('A', new Set(['A', 'A（2）', 'A（3）']))).toBe('A（4）');
    const long = 'あ'.repeat(200);
    const serial = distinctTitle(long, new Set([long]));
    expect(serial).toHaveLength(200);
    expect(serial.endsWith('（2）')).toBe(true);
  });
});

describe('sticky notes and texts in the minutes', () => {
  it('lists each note by its frame, leaves out a template prompt nobody filled in, and keeps a filled one', async () => {
    const { unfilledPrompt } = await import('../../../server/records/minutes.ts');
    expect(unfilledPrompt('【お金】\n収入：\nこれまでの利用者負担：')).toBe(true);
    expect(unfilledPrompt('【お金】\n収入：障害基礎年金2級\nこれまでの利用者負担：')).toBe(false);
    expect(unfilledPrompt('母の担当ケアマネにも伝える')).toBe(false);
    const records = [
      ...basics(),
      frame('h', '引継ぎ情報', { x: 0, y: 0 }),
      note('n1', '母の担当ケアマネにも伝える', { parent: 'shape:h', y: 10 }),
      text('t1', '【お金】\n収入：\nこれまでの利用者負担：', { parent: 'shape:h', y: 20 }),
      text('t2', '【お金】\n収入：障害基礎年金2級', { parent: 'shape:h', y: 30 }),
      note('loose', '枠の外のメモ', { y: 900 }),
    ];
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records }));
    const byFrame = subsections(doc, '付箋・メモ（枠ごと）');
    expect([...byFrame.keys()]).toEqual(['引継ぎ情報', '枠の外']);
    expect(byFrame.get('引継ぎ情報')?.flatMap((e) => [...e.querySelectorAll('li')]).map((li) => li.textContent)).toEqual(['母の担当ケアマネにも伝える', '【お金】収入：障害基礎年金2級']);
    // A frame holding what was written is also drawn on its own, its labels readable.
    const pictures = [...doc.querySelectorAll('.frame-picture')];
    expect(pictures.map((p) => p.querySelector('h3')?.textContent)).toEqual(['引継ぎ情報']);
    expect(pictures[0]?.querySelector('svg')?.textContent).toContain('母の担当ケアマネにも伝える');
  });
});

describe('notes shared in a workshop group', () => {
  it('say who wrote them', () => {
    const shared = { ...note('shared', '院内介助は誰がするのか', { y: 10 }), meta: { author: { name: '鈴木 花', role: 'caremanager' } } };
    const doc = parseMinutes(minutesHtml({ boardTitle: BOARD_TITLE, record: recordMeta(), records: [...basics(), shared] }));
    expect(sectionText(doc, '付箋・メモ（枠ごと）')).toContain('院内介助は誰がするのか （鈴木 花）');
  });
});
