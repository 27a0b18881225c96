import { describe, expect, it } from 'vitest';
import { cardServiceLink, serviceUpdate } from '../../../client/shapes/serviceCard/catalogue.ts';
import { transitionViewFor } from '../../../client/transition/transitionView.ts';
import type { SystemId } from '../../../shared/domain/index.ts';

const card = (system: SystemId, service: string) => ({ system, ...serviceUpdate(service, system) });

describe('what a card’s service name is, for both panels', () => {
  it('a 介護保険 name on a 障害福祉 card is another system’s service, and the transition helper says the same', () => {
    const c = card('shogai', '訪問介護');
    const link = cardServiceLink(c);
    expect(link.kind).toBe('other-system');
    expect(link.kind === 'other-system' && link.service.system).toBe('kaigo');
    expect(transitionViewFor(c).kind).toBe('other-system');
  });

  it('the same name on a 介護保険 or 共生型 card is linked', () => {
    expect(cardServiceLink(card('kaigo', '訪問介護')).kind).toBe('linked');
    expect(cardServiceLink(card('kyoseigata', '訪問介護')).kind).toBe('linked');
  });

  it('a 障害福祉 name on a 障害福祉 card is linked and has its transition', () => {
    const c = card('shogai', '居宅介護');
    expect(cardServiceLink(c).kind).toBe('linked');
    expect(transitionViewFor(c).kind).toBe('detail');
  });

  it('free text is free text in both, an empty name is empty', () => {
    const c = card('shogai', 'ひまわり工房の手伝い');
    expect(cardServiceLink(c).kind).toBe('free');
    expect(transitionViewFor(c).kind).toBe('unknown');
    expect(cardServiceLink(card('shogai', '  ')).kind).toBe('empty');
  });
});
