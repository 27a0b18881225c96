// @vitest-environment jsdom
// The minutes of a record of a board seeded from a template: what the template holds, in
// the right sections. Expectations are derived from the template's records, not hard-coded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { ROLES, type RoleId } from '../../shared/domain/roles.ts';
import { SYSTEMS, type SystemId } from '../../shared/domain/systems.ts';
import { CreatedRecordSchema, type CreateBoardResponse, type CreatedRecord } from '../../shared/protocol/index.ts';
import { plainTextOf } from '../../shared/records/index.ts';
import { PLAN_STATE_LABELS, SERVICE_STATUS_LABELS, type ClientVoiceProps, type PlanItemProps, type ServiceCardProps } from '../../shared/shapes/index.ts';
import { findTemplate, templateRoleOf } from '../../shared/templates/index.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { headerValue, parseMinutes, rowsUnder, section, sectionText, subsections } from '../unit/records/minutesDom.ts';

type Shape<P = Record<string, unknown>> = StoredRecord & { type: string; parentId: string; meta?: Record<string, unknown>; props: P };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The minutes print a voice without one pair of outer 「」 and put their own quote marks. */
const unquoted = (s: string) => norm(/^「[\s\S]*」$/.test(s.trim()) ? s.trim().slice(1, -1) : s);
/** Without any whitespace: a line break in a card is a <br> in the minutes, which has no text. */
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** What the exercise-1 template holds, read from its records. */
function templateCase() {
  const template = findTemplate('exercise-1');
  if (!template) throw new Error('no exercise-1 template');
  const records = template.build() as unknown as StoredRecord[];
  const shapes = records.filter((r): r is Shape => r.typeName === 'shape');
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const frameOf = (s: Shape): Shape | undefined => {
    for (let p = byId.get(s.parentId); p; p = byId.get(p.parentId)) if (p.type === 'frame') return p;
    return undefined;
  };
  const inQuestionFrame = (s: Shape) => String(frameOf(s)?.props.name ?? '').startsWith('論点');
  const textOf = (s: Shape) => plainTextOf(s.props.richText ?? s.props.text);
  const questionShapes = shapes.filter((s) => ['note', 'text', 'geo'].includes(s.type) && inQuestionFrame(s) && textOf(s) !== '');
  return {
    title: template.title,
    services: shapes.filter((s) => s.type === 'rb-service') as unknown as Shape<ServiceCardProps>[],
    plans: shapes.filter((s) => s.type === 'rb-plan') as unknown as Shape<PlanItemProps>[],
    voices: shapes.filter((s) => s.type === 'rb-voice') as unknown as Shape<ClientVoiceProps>[],
    questions: questionShapes.filter((s) => templateRoleOf(s) === undefined).map(textOf),
    guides: questionShapes.filter((s) => templateRoleOf(s) === 'guide').map(textOf),
  };
}

describe('minutes of a record of the exercise-1 board', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  let rec: CreatedRecord;
  let ja: Document;
  const expected = templateCase();

  const minutes = async (query = '') => {
    const res = await fetch(`${srv.baseUrl}/api/boards/${board.id}/records/${rec.id}/minutes.html${query}`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };

  beforeAll(async () => {
    srv = await startServer();
    board = await srv.createBoard({ template: 'exercise-1' });
    const saved = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, {
      token: board.tokens.owner,
      json: {
        title: '第1回 移行支援会議',
        note: '次回は認定結果が出てから。',
        attendees: [
          { name: '山本 和夫', role: 'client' },
          { name: '山本 トシ子', role: 'family' },
          { name: '田中', role: 'soudan' },
          { name: '佐藤', role: 'caremanager' },
        ],
      },
    });
    expect(saved.status).toBe(201);
    rec = CreatedRecordSchema.parse(saved.body);
    ja = parseMinutes((await minutes()).html);
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('is a printable Japanese HTML page naming the record and the board', async () => {
    const { res } = await minutes();
    expect(res.headers.get('content-type')).toMatch(/^text\/html;\s*charset=utf-8/i);
    expect(ja.documentElement.lang).toBe('ja');
    expect(norm(ja.querySelector('h1')?.textContent)).toBe('サービス担当者会議の要点');
    expect(headerValue(ja, '記録')).toBe('第1回 移行支援会議');
    expect(ja.body.textContent).toContain(expected.title);
    expect(ja.body.textContent).toContain(rec.sha256);
    expect(ja.body.textContent).toContain('次回は認定結果が出てから。');
  });

  it('lists the attendees as 所属（職種）・氏名 and says that 本人 and 家族 attended', () => {
    expect(rowsUnder(section(ja, '会議出席者'))).toEqual([
      [ROLES.client.label, '山本 和夫'],
      [ROLES.family.label, '山本 トシ子'],
      [ROLES.soudan.label, '田中'],
      [ROLES.caremanager.label, '佐藤'],
    ]);
    expect(norm(ja.querySelector('.layout-form4 .attendance')?.textContent)).toBe('本人：【出席】 家族：【出席】');
  });

  it('quotes every 本人の言葉 card of the template, and shows inferred ones unquoted', () => {
    expect(expected.voices.length).toBeGreaterThan(0);
    const quotes = section(ja, '本人の言葉').flatMap((e) => [...e.querySelectorAll('q')]).map((q) => norm(q.textContent));
    const inferred = section(ja, '本人の言葉').flatMap((e) => [...e.querySelectorAll('.inferred')]).map((q) => norm(q.textContent));
    expect(new Set(quotes)).toEqual(new Set(expected.voices.filter((v) => v.props.source !== 'inferred').map((v) => unquoted(v.props.text))));
    expect(new Set(inferred)).toEqual(new Set(expected.voices.filter((v) => v.props.source === 'inferred').map((v) => unquoted(v.props.text))));
  });

  it('lists every service card under its system, with its status, proposals apart from services in use', () => {
    expect(expected.services.length).toBeGreaterThan(0);
    const check = (heading: string, services: typeof expected.services) => {
      const bySystem = subsections(ja, heading);
      const systems = new Set(services.map((s) => s.props.system));
      expect(new Set(bySystem.keys())).toEqual(new Set([...systems].map((id) => SYSTEMS[id].label)));
      for (const system of systems) {
        const rows = rowsUnder(bySystem.get(SYSTEMS[system as SystemId].label)).map((r) => `${r[0]}|${r[1]}|${r[3]}`);
        const want = services.filter((s) => s.props.system === system).map((s) => `${norm(s.props.service)}|${norm(s.props.provider)}|${SERVICE_STATUS_LABELS[s.props.status].ja}`);
        expect(rows.sort(), SYSTEMS[system as SystemId].label).toEqual(want.sort());
      }
    };
    const proposed = expected.services.filter((s) => s.props.status === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    check('現在のサービス（制度別）', expected.services.filter((s) => s.props.status !== 'proposed'));
    check('提案（移行後の案・まだ使っていないサービス）', proposed);
  });

  it('lists every plan item under its 担当’s role label, with its state', () => {
    expect(expected.plans.length).toBeGreaterThan(0);
    const byOwner = subsections(ja, '支援計画の項目（担当別）');
    const heading = (owner: string) => `担当: ${owner ? ROLES[owner as RoleId].label : '未定'}`;
    const owners = new Set(expected.plans.map((p) => p.props.owner));
    expect(new Set(byOwner.keys())).toEqual(new Set([...owners].map(heading)));
    for (const owner of owners) {
      const rows = rowsUnder(byOwner.get(heading(owner))).map((r) => `${r[1]}|${r[5]}`);
      const want = expected.plans.filter((p) => p.props.owner === owner).map((p) => `${norm(p.props.need)}|${PLAN_STATE_LABELS[p.props.state].ja}`);
      expect(rows.sort(), heading(owner)).toEqual(want.sort());
    }
  });

  it('places every 障害福祉 service in use in the transition summary', () => {
    const inUse = expected.services.filter((s) => s.props.system === 'shogai' && s.props.status !== 'proposed').map((s) => norm(s.props.service));
    expect(inUse.length).toBeGreaterThan(0);
    const items = section(ja, '移行のまとめ').flatMap((e) => [...e.querySelectorAll('li > strong')]).map((s) => norm(s.textContent));
    for (const name of inUse) expect(items, name).toContain(name);
  });

  it('lists the questions written in the 論点 frame', () => {
    expect(expected.questions.length).toBeGreaterThan(0);
    const listed = section(ja, '論点・行政への確認事項').flatMap((e) => [...e.querySelectorAll('li')]).map((li) => squash(li.textContent));
    for (const q of expected.questions) expect(listed, q).toContain(squash(q));
  });

  // The template marks its printed scaffolding in the 論点 frame (header, instructions) with
  // meta.rbRole = 'guide'; those are the form, not what the meeting asked.
  it('does not print the template’s guide texts as open questions', () => {
    expect(expected.guides.length).toBeGreaterThan(0);
    const listed = section(ja, '論点・行政への確認事項').flatMap((e) => [...e.querySelectorAll('li')]).map((li) => squash(li.textContent));
    expect(listed.length).toBeGreaterThan(0);
    for (const g of expected.guides) expect(listed, g).not.toContain(squash(g));
  });

  it('includes a picture of the board drawn from its records', () => {
    const svg = ja.querySelector('section.picture svg');
    expect(svg).not.toBeNull();
    const labels = [...(svg?.querySelectorAll('text') ?? [])].map((t) => norm(t.textContent));
    expect(labels).toEqual(expect.arrayContaining(['現在のサービス', norm(expected.services[0]?.props.service).slice(0, 24)]));
  });

  it('is in English with lang=en, and Japanese for any other lang', async () => {
    const en = parseMinutes((await minutes('?lang=en')).html);
    expect(en.documentElement.lang).toBe('en');
    const headings = [...en.querySelectorAll('h2')].map((h) => norm(h.textContent));
    expect(headings).toEqual(expect.arrayContaining(['Attendees', "The person's own words", 'Current services, by system', 'Plan items by owner', 'Transition summary', 'Open questions for the municipality']));
    expect(headings.join(' ')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(rowsUnder(section(en, 'Attendees'))).toContainEqual([ROLES.soudan.labelEn, '田中']);
    expect(norm(en.querySelector('.layout-form4 .attendance')?.textContent)).toBe('The person: Present · Family: Present');
    const systems = new Set(expected.services.filter((s) => s.props.status !== 'proposed').map((s) => SYSTEMS[s.props.system].labelEn));
    expect(new Set(subsections(en, 'Current services, by system').keys())).toEqual(systems);
    const states = rowsUnder([...subsections(en, 'Plan items by owner').values()].flat()).map((r) => r[5]);
    expect(new Set(states)).toEqual(new Set(expected.plans.map((p) => PLAN_STATE_LABELS[p.props.state].en)));

    const other = parseMinutes((await minutes('?lang=fr')).html);
    expect(other.documentElement.lang).toBe('ja');
    expect(sectionText(other, '会議出席者')).toContain('田中');
  });

  it('offers the same content as structured JSON', async () => {
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${rec.id}/export.json`, { token: board.tokens.view });
    expect(res.status).toBe(200);
    const body = res.body as { record: CreatedRecord; board: { id: string; title: string }; content: { services: { id: string }[]; plans: { id: string }[]; voices: { id: string }[] } };
    expect(body.record).toEqual(rec);
    expect(body.board).toEqual({ id: board.id, title: expected.title });
    expect(new Set(body.content.services.map((s) => s.id))).toEqual(new Set(expected.services.map((s) => s.id)));
    expect(new Set(body.content.plans.map((s) => s.id))).toEqual(new Set(expected.plans.map((s) => s.id)));
    expect(new Set(body.content.voices.map((s) => s.id))).toEqual(new Set(expected.voices.map((s) => s.id)));
  });
});
