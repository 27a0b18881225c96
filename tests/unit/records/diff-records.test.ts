// diffRecords: what changed in the cards and plan items between two records of a board.
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../../shared/records/index.ts';
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
    expect(d.changed).toEqual([{ id: 'shape:kyotaku', type: 'rb-service', label: '居宅介護', fields: ['status'], statusChange: { from: 'in-use', to: 'ending' } }]);
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

  it('labels an untitled card so a reader can still see it changed', () => {
    const blank = service('blank', { service: '' });
    const d = diffRecords([], [blank]);
    expect(d.added[0]?.label.length).toBeGreaterThan(0);
  });
});
