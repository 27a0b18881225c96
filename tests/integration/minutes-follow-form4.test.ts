// @vitest-environment jsdom
// Minutes a 介護支援専門員 can file: 第4表「サービス担当者会議の要点」 in its order and wording, with
// the 会議の要点 confirmed when saving (or the board's 会議の要点 card), every sticky note placed in
// a frame, the モニタリング報告 layout of the same record, and titles that tell records apart.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { CloseCode, CreatedRecordSchema, emptyMeetingDetails, type CreateBoardResponse, type CreatedRecord, type MeetingDetails } from '../../shared/protocol/index.ts';
import { plainTextOf, richTextOf } from '../../shared/records/index.ts';
import { BASIC_INFO_TYPE, MEETING_DETAILS_TYPE, meetingDetailsDefaults, type BasicInfoProps } from '../../shared/shapes/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { connectClient, putRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { syncUpdateFrame } from '../helpers/frames.ts';
import { api } from '../helpers/http.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { parseMinutes, rowsUnder, section, sectionText, subsections } from '../unit/records/minutesDom.ts';

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** 第4表's headings, in the form's order. */
const FORM4_HEADINGS = ['会議出席者', '欠席者及び照会内容', '検討した項目', '検討内容', '結論', '残された課題（次回の開催時期）'];

const MEETING: MeetingDetails = {
  ...emptyMeetingDetails(),
  date: '2026-04-13',
  start: '10:00',
  end: '11:15',
  place: '山本さんの自宅',
  round: '第2回',
  author: '佐藤 恵（居宅介護支援事業所さくら）',
  clientName: '山本 和夫',
  clientAttendance: 'present',
  familyAttendance: 'present',
  familyRelation: '母',
  attendees: [
    { affiliation: '相談支援事業所あおば（相談支援専門員）', name: '田中 一郎' },
    { affiliation: '居宅介護支援事業所さくら（介護支援専門員）', name: '佐藤 恵' },
  ],
  absentees: [{ affiliation: 'ひまわり工房（サービス管理責任者）', name: '鈴木 花', inquiry: '工房に週2日通い続けられるか', answer: '送迎を含めて続けられる' }],
  topics: '介護保険への移行と、工房を続けること',
  discussion: '要介護認定の見込みと、院内介助をどうするか',
  conclusion: '訪問介護と工房の併用で進める',
  remaining: '院内介助の扱いを市に確認する',
  nextMeeting: '認定結果が出たあと（6月ごろ）',
  monitoring: { satisfaction: '「工房に行けるならいい」と話す', goalAchievement: '週2日の通所を続けている', planChange: 'needed', planChangeReason: '介護保険サービスを加える', nextMonth: '2026-07' },
};

describe('minutes in 第4表 form', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  let writer: TestClient;
  let watcher: TestClient;
  let rec: CreatedRecord;
  let ja: Document;
  const template = findTemplate('exercise-1')!.build() as unknown as StoredRecord[];
  const frames = template.filter((r) => r.typeName === 'shape' && r.type === 'frame');
  const handover = frames.find((f) => String((f.props as { name: string }).name).startsWith('引継ぎ'))!;
  const basicInfo = template.find((r) => r.typeName === 'shape' && r.type === BASIC_INFO_TYPE)!.props as BasicInfoProps;

  const minutes = async (recordId: string, query = '') => {
    const res = await fetch(`${srv.baseUrl}/api/boards/${board.id}/records/${recordId}/minutes.html${query}`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    expect(res.status).toBe(200);
    return parseMinutes(await res.text());
  };
  const save = async (json: Record<string, unknown>) => {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { consent: TEST_CONSENT, ...json } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return CreatedRecordSchema.parse(res.body);
  };
  /** Put a shape with one client and wait until another sees it (the server relays only what it stored). */
  const put = async (record: StoredRecord) => {
    putRecord(writer.doc, record);
    await waitForDoc(watcher.doc, (d) => JSON.stringify(recordsMap(d).get(record.id)) === JSON.stringify(record));
  };
  const sticky = (id: string, text: string, parentId: string): StoredRecord => ({
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: 40,
    y: 900,
    rotation: 0,
    index: 'a9',
    parentId,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { color: 'yellow', richText: richTextOf(text), size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1, labelColor: 'black', fontSizeAdjustment: 0, textLastEditedBy: null },
  });
  const meetingCard = (details: MeetingDetails): StoredRecord => ({
    id: 'shape:meeting-card',
    typeName: 'shape',
    type: MEETING_DETAILS_TYPE,
    x: -800,
    y: 0,
    rotation: 0,
    index: 'a8',
    parentId: 'page:main',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...meetingDetailsDefaults(), details },
  });

  beforeAll(async () => {
    srv = await startServer();
    // A real meeting board (its record needs consent) seeded with the exercise's case.
    board = await srv.createBoard({ template: 'exercise-1' });
    writer = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    watcher = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    await Promise.all([writer.synced, watcher.synced]);
    await put(sticky('handover-note', '母の介護保険の担当とも連絡を取る', handover.id));
    await put(sticky('loose-note', '枠の外のメモ：次回は市の担当も', 'page:main'));
    rec = await save({ title: '第2回 サービス担当者会議', note: '母の担当ケアマネにも共有する', meeting: MEETING });
    ja = await minutes(rec.id);
  });
  afterAll(async () => {
    writer.destroy();
    watcher.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('keeps the confirmed 会議の要点 in the record', () => {
    expect(rec.meeting).toEqual(MEETING);
  });

  it('prints 第4表 with its headings in the form’s order, then the consent and the board', () => {
    const form4 = ja.querySelector('.layout-form4')!;
    expect(norm(form4.querySelector('.form-no')?.textContent)).toBe('第4表');
    expect(norm(form4.querySelector('h1')?.textContent)).toBe('サービス担当者会議の要点');
    expect([...form4.querySelectorAll('h2')].map((h) => norm(h.textContent))).toEqual(FORM4_HEADINGS);
    const all = [...ja.querySelectorAll('h2')].map((h) => norm(h.textContent));
    const at = (h: string) => all.indexOf(h);
    expect(at('残された課題（次回の開催時期）')).toBeLessThan(at('同意の確認（個人情報の利用・オンライン開催）'));
    expect(at('同意の確認（個人情報の利用・オンライン開催）')).toBeLessThan(at('本人の言葉'));
    const board = ['本人の言葉', '家族の思い', '付箋・メモ（枠ごと）', '現在のサービス（制度別）', '提案（移行後の案・まだ使っていないサービス）', '支援計画の項目（担当別）', '移行のまとめ', '論点・行政への確認事項', 'ボードの全体図'];
    expect(board.map(at)).toEqual([...board.map(at)].sort((a, b) => a - b));
    expect(board.every((h) => at(h) >= 0)).toBe(true);
  });

  it('fills 第4表’s head with the meeting details, dates in Japanese form', () => {
    const head = new Map([...ja.querySelectorAll('.layout-form4 table.head th')].map((th) => [norm(th.textContent), norm(th.nextElementSibling?.textContent)]));
    expect(head.get('利用者名')).toBe('山本 和夫 殿');
    expect(head.get('居宅サービス計画作成者（担当者）氏名')).toBe(MEETING.author);
    expect(head.get('開催日')).toBe('2026年4月13日（月）');
    expect(head.get('開催場所')).toBe('山本さんの自宅');
    expect(head.get('開催時間')).toBe('10:00〜11:15');
    expect(head.get('開催回数')).toBe('第2回');
    expect(rowsUnder(section(ja, '会議出席者'))).toEqual(MEETING.attendees.map((a) => [a.affiliation, a.name]));
    expect(norm(ja.querySelector('.layout-form4 .attendance')?.textContent)).toBe('本人：【出席】 家族：【出席】（続柄：母）');
    expect(rowsUnder(section(ja, '欠席者及び照会内容'))).toEqual([['ひまわり工房（サービス管理責任者）', '鈴木 花', '工房に週2日通い続けられるか', '送迎を含めて続けられる']]);
    expect(sectionText(ja, '検討した項目')).toBe(MEETING.topics);
    expect(sectionText(ja, '検討内容')).toBe(MEETING.discussion);
    expect(sectionText(ja, '結論')).toBe(MEETING.conclusion);
    expect(sectionText(ja, '残された課題（次回の開催時期）')).toBe(`${MEETING.remaining}\n次回の開催時期：${MEETING.nextMeeting}`);
  });

  it('shows the case’s 基本情報 in the header', () => {
    const facts = new Map([...ja.querySelectorAll('.layout-form4 table.facts th')].map((th) => [norm(th.textContent), norm(th.nextElementSibling?.textContent)]));
    const [y, m, d] = basicInfo.birthDate.split('-').map(Number) as [number, number, number];
    expect(facts.get('生年月日')).toMatch(new RegExp(`^${y}年${m}月${d}日（[日月火水木金土]）$`));
    expect(facts.get('年齢')).toMatch(/^\d+歳（開催日時点）$/);
    expect(facts.get('障害種別・病名')).toBe(norm(basicInfo.disability));
  });

  it('lists every sticky note and text placed in a frame, by frame, and the family’s notes apart', () => {
    const byFrame = subsections(ja, '付箋・メモ（枠ごと）');
    const handoverName = norm((handover.props as { name: string }).name);
    expect(byFrame.get(handoverName)?.map((e) => norm(e.textContent)).join()).toContain('母の介護保険の担当とも連絡を取る');
    expect(byFrame.get('枠の外')?.map((e) => norm(e.textContent)).join()).toContain('枠の外のメモ：次回は市の担当も');
    // The template's family notes sit in 本人の思い: they are 家族の思い, not loose notes.
    const voicesFrame = frames.find((f) => String((f.props as { name: string }).name).startsWith('本人の思い'))!;
    const familyNotes = template.filter((r) => r.type === 'note' && r.parentId === voicesFrame.id).map((r) => plainTextOf((r.props as { richText: unknown }).richText));
    expect(familyNotes.length).toBeGreaterThan(0);
    // A line break in a note is a <br> in the minutes, which has no text: compare without whitespace.
    const squash = (t: string | null) => (t ?? '').replace(/\s+/g, '');
    const family = section(ja, '家族の思い').map((e) => squash(e.textContent));
    for (const n of familyNotes) expect(family).toContain(squash(n));
    expect(byFrame.has(norm((voicesFrame.props as { name: string }).name))).toBe(false);
  });

  it('prints the モニタリング報告 with ?format=monitoring, and the page can switch between the two', async () => {
    const mon = await minutes(rec.id, '?format=monitoring');
    const radio = (doc: Document, layout: string) => doc.querySelector<HTMLInputElement>(`input.fmt-${layout}`)!;
    expect(radio(mon, 'monitoring').checked).toBe(true);
    expect(radio(mon, 'form4').checked).toBe(false);
    expect(radio(ja, 'form4').checked).toBe(true);
    expect([...mon.querySelectorAll('nav.switch label')].map((l) => l.getAttribute('for'))).toEqual([radio(mon, 'form4').id, radio(mon, 'monitoring').id]);
    const layout = mon.querySelector('.layout-monitoring')!;
    expect(norm(layout.querySelector('h1')?.textContent)).toBe('モニタリング報告書（サービス等利用計画）');
    expect([...layout.querySelectorAll('h2')].map((h) => norm(h.textContent))).toEqual(['本人の満足度', '目標の達成度', 'サービス等利用計画の変更の要否', '次回モニタリング月']);
    const head = new Map([...layout.querySelectorAll('table.head th')].map((th) => [norm(th.textContent), norm(th.nextElementSibling?.textContent)]));
    expect(head.get('実施日')).toBe('2026年4月13日（月）');
    expect(sectionText(mon, '本人の満足度')).toBe(MEETING.monitoring.satisfaction);
    expect(sectionText(mon, 'サービス等利用計画の変更の要否')).toBe('要（変更する）\n介護保険サービスを加える');
    expect(sectionText(mon, '次回モニタリング月')).toBe('2026年7月');
    expect(mon.title).toContain('モニタリング報告書');
    const bad = await fetch(`${srv.baseUrl}/api/boards/${board.id}/records/${rec.id}/minutes.html?format=form9`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field?: string } }).error.field).toBe('format');
  });

  it('reads the board’s 会議の要点 card when the details were not sent with the record', async () => {
    await put(meetingCard({ ...MEETING, conclusion: 'カードに書いた結論', topics: 'カードに書いた項目' }));
    const fromCard = await save({ title: 'カードから' });
    expect(fromCard.meeting ?? null).toBeNull();
    const doc = await minutes(fromCard.id);
    expect(sectionText(doc, '結論')).toBe('カードに書いた結論');
    expect(sectionText(doc, '検討した項目')).toBe('カードに書いた項目');
  });

  it('refuses a malformed 会議の要点 card at the relay, as every record', async () => {
    const raw = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit));
    await raw.next('sync-step1');
    const serverDoc = await raw.fetchDoc();
    const sv = Y.encodeStateVector(serverDoc);
    recordsMap(serverDoc).set('shape:bad-meeting', { ...meetingCard({ ...MEETING, date: '13/04/2026' }), id: 'shape:bad-meeting' });
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(serverDoc, sv)));
    expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
    const stored = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view });
    expect((stored.body as { records: { id: string }[] }).records.some((r) => r.id === 'shape:bad-meeting')).toBe(false);
  });

  it('refuses malformed meeting details in the save request, naming the field', async () => {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { consent: TEST_CONSENT, meeting: { ...MEETING, start: '25:00' } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('meeting');
  });

  it('gives default titles the time, and a serial when two records share a minute', async () => {
    const first = await save({});
    const second = await save({});
    const third = await save({});
    expect(first.title).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日（[日月火水木金土]） \d{2}:\d{2} /);
    expect(first.title).toContain(board.title);
    const sameMinute = first.title === second.title.replace(/（2）$/, '');
    // Saved in the same minute: the second gets （2） and the third （3）; across a minute turn, a new time.
    if (sameMinute) expect(second.title).toBe(`${first.title}（2）`);
    else expect(second.title).not.toBe(first.title);
    const titles = [first.title, second.title, third.title];
    expect(new Set(titles).size).toBe(3);
    const list = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records`, { token: board.tokens.view });
    const listed = (list.body as CreatedRecord[]).map((r) => r.title);
    for (const t of titles) expect(listed).toContain(t);
    expect((list.body as CreatedRecord[]).find((r) => r.id === rec.id)?.note).toBe('母の担当ケアマネにも共有する');
  });
});
