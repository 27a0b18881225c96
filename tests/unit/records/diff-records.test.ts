// diffRecords: what changed in the cards and plan items between two records of a board.
import { describe, expect, it } from 'vitest';
import { emptyMeetingDetails } from '../../../shared/protocol/index.ts';
import { diffRecordInfo, diffRecords } from '../../../shared/records/index.ts';
import { basics, note, plan, service, withProps } from './fixtures.ts';

const kyotaku = service('kyotaku', { system: 'shogai', service: '居宅介護', status: 'in-use', amount: '週3回' });
const seikatsu = service('seikatsu', { system: 'shogai', service: '生活介護', status: 'in-use' });
const kobo = plan('kobo', { need: '工房を続けたい', owner: 'soudan', state: 'proposed' });
const memo = note('memo', 'メモ');

describe('diffRecords', () => {
  it('reports nothing between a record and itself', () => {
    const before = [...basics(), kyotaku, seikatsu, kobo, memo];
    expect(diffRecords(before, structuredClone(before))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports added, removed and changed cards with readable labels', () => {
    const before = [...basics(), kyotaku, seikatsu, kobo];
    const houmon = service('houmon', { system: 'kaigo', service: '訪問介護', status: 'proposed' });
    const money = plan('money', { need: 'お金の見通し', owner: 'caremanager' });
    const after = [...basics(), withProps(kyotaku, { amount: '週2回', provider: 'あゆみ' }), kobo, houmon, money];
    const d = diffRecords(before, after);
    expect(d.added.map((c) => [c.id, c.type, c.label]).sort()).toEqual([
      ['shape:houmon', 'rb-service', '訪問介護'],
      ['shape:money', 'rb-plan', 'お金の見通し'],
    ]);
    expect(d.removed).toEqual([{ id: 'shape:seikatsu', type: 'rb-service', label: '生活介護', fields: [] }]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ id: 'shape:kyotaku', label: '居宅介護', fields: ['amount', 'provider'] });
    expect(d.changed[0]?.statusChange).toBeUndefined();
  });

  it('reports a service card’s status change as a statusChange', () => {
    const d = diffRecords([kyotaku], [withProps(kyotaku, { status: 'ending' })]);
    expect(d.changed).toEqual([{ id: 'shape:kyotaku', type: 'rb-service', label: '居宅介護', fields: ['status'], statusChange: { from: 'in-use', to: 'ending' }, changes: [{ field: 'status', before: 'in-use', after: 'ending' }] }]);
  });

  it('reports a plan item’s state change as a statusChange', () => {
    const d = diffRecords([kobo], [withProps(kobo, { state: 'agreed', goal: '週2日通う' })]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ id: 'shape:kobo', type: 'rb-plan', label: '工房を続けたい', fields: ['goal', 'state'], statusChange: { from: 'proposed', to: 'agreed' } });
  });

  it('ignores resizing and moving a card, and changes to shapes that are not cards', () => {
    const moved = { ...withProps(kyotaku, { w: 999, h: 333 }), x: 500, y: 700 };
    const d = diffRecords([kyotaku, kobo, memo], [moved, withProps(kobo, { h: 420 }), withProps(memo, { color: 'blue' })]);
    expect(d).toEqual({ added: [], removed: [], changed: [] });
  });

  it('still reports a real change that comes with a resize, without listing w or h', () => {
    const d = diffRecords([kyotaku], [withProps(kyotaku, { w: 999, status: 'proposed' })]);
    expect(d.changed[0]?.fields).toEqual(['status']);
    expect(d.changed[0]?.statusChange).toEqual({ from: 'in-use', to: 'proposed' });
  });

});

describe('what changed, before → after', () => {
  it('gives each changed prop of a card its value before and after, as text', () => {
    const before = [...basics(), kyotaku, kobo];
    const after = [...basics(), withProps(kyotaku, { note: '院内介助は別に相談', status: 'ending' }), withProps(kobo, { priority: 1 })];
    const d = diffRecords(before, after);
    const card = d.changed.find((c) => c.id === 'shape:kyotaku');
    expect(card?.changes).toEqual([
      { field: 'note', before: '', after: '院内介助は別に相談' },
      { field: 'status', before: 'in-use', after: 'ending' },
    ]);
    expect(card?.statusChange).toEqual({ from: 'in-use', to: 'ending' });
    expect(d.changed.find((c) => c.id === 'shape:kobo')?.changes).toEqual([{ field: 'priority', before: '', after: '1' }]);
  });

  // The label was 「（無題）」 once: Japanese in the English UI. DiffView names it (「（名前なし）」 / "(untitled)").
  it('leaves an untitled card’s label empty, for the reader to name in their language', () => {
    const nameless = service('nameless', { service: '' });
    expect(diffRecords([...basics()], [...basics(), nameless]).added[0]?.label).toBe('');
  });

  it('compares the records’ memo, title and 会議の要点 field by field', () => {
    const meeting = { ...emptyMeetingDetails(), date: '2026-04-13', conclusion: '訪問介護で進める', attendees: [{ affiliation: '相談支援専門員', name: '田中' }] };
    const changes = diffRecordInfo(
      { title: '第1回', note: '初回', meeting },
      { title: '第1回', note: '認定結果を待つ', meeting: { ...meeting, conclusion: '訪問介護と工房の併用', attendees: [...meeting.attendees, { affiliation: '介護支援専門員', name: '佐藤' }], monitoring: { ...meeting.monitoring, planChange: 'needed' } } },
    );
    expect(changes).toEqual([
      { field: 'note', before: '初回', after: '認定結果を待つ' },
      { field: 'meeting.attendees', before: '相談支援専門員 / 田中', after: '相談支援専門員 / 田中\n介護支援専門員 / 佐藤' },
      { field: 'meeting.conclusion', before: '訪問介護で進める', after: '訪問介護と工房の併用' },
      { field: 'meeting.monitoring.planChange', before: '', after: 'needed' },
    ]);
    expect(diffRecordInfo({ title: 'a', note: '', meeting: null }, { title: 'a', note: '' })).toEqual([]);
  });
});
