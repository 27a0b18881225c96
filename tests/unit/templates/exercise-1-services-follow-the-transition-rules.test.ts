// 事例演習1 is built so that each rule of the move at 65 appears on a card; the cards must
// name their services so that the domain module recognises them.
import { describe, expect, it } from 'vitest';
import { resolveService, transitionFor } from '../../../shared/domain/index.ts';
import { FRAME_NAMES } from '../../../shared/templates/index.ts';
import { frameOf, propsOf, recordsOf, shapesOf } from './helpers.ts';

const records = recordsOf('exercise-1');
const cards = shapesOf(records).filter((s) => s.type === 'rb-service');
const current = cards.filter((c) => propsOf(frameOf(c, records)!).name === FRAME_NAMES.services);
const shogai = current.filter((c) => propsOf(c).system === 'shogai');
const card = (service: string) => shogai.find((c) => propsOf(c).service === service);

describe('事例演習1 service cards', () => {
  it('are all in use, and every 障害福祉 card is known to the transition rules', () => {
    expect(shogai.length).toBeGreaterThanOrEqual(6);
    for (const c of current) expect(propsOf(c).status).toBe('in-use');
    for (const c of shogai) expect(transitionFor(String(propsOf(c).service)), String(propsOf(c).service)).toBeDefined();
  });

  it('link each catalogue service by id', () => {
    for (const c of cards) {
      const p = propsOf(c);
      const found = resolveService(String(p.service), p.system === 'kyoseigata' ? {} : { system: p.system as 'shogai' });
      expect(p.serviceId, String(p.service)).toBe(found?.service.id ?? null);
    }
  });

  it('move 居宅介護, 生活介護 and 短期入所 to their 介護保険 counterparts, with 共生型 and 上乗せ possible', () => {
    const expected = { 居宅介護: '訪問介護', 生活介護: '通所介護', 短期入所: '短期入所生活介護' } as const;
    for (const [service, counterpart] of Object.entries(expected)) {
      expect(card(service), service).toBeDefined();
      const t = transitionFor(service);
      expect(t?.counterparts).toContain(counterpart);
      expect(t?.kyoseigata).toBe(true);
      expect(t?.topUpPossible).toBe(true);
    }
  });

  it('keep 行動援護 and 就労継続支援B型 under disability welfare', () => {
    for (const service of ['行動援護', '就労継続支援B型']) {
      expect(card(service), service).toBeDefined();
      expect(transitionFor(service)).toMatchObject({ continuesAfter65: true, counterparts: [] });
    }
  });

  it('include the municipality’s 移動支援, a medical and an informal support', () => {
    expect(card('移動支援')).toBeDefined();
    expect(current.some((c) => propsOf(c).system === 'iryo')).toBe(true);
    expect(current.some((c) => propsOf(c).system === 'informal')).toBe(true);
  });

  it('propose, after the move, only counterparts of services used now', () => {
    const proposals = cards.filter((c) => String(propsOf(frameOf(c, records)!).name).startsWith('移行後'));
    expect(proposals.length).toBeGreaterThan(0);
    const counterparts = new Set(shogai.flatMap((c) => transitionFor(String(propsOf(c).service))?.counterparts ?? []));
    for (const p of proposals) {
      expect(propsOf(p).status).toBe('proposed');
      const name = resolveService(String(propsOf(p).service))?.service.name;
      expect(counterparts.has(String(name)), String(propsOf(p).service)).toBe(true);
    }
  });
});
