import { describe, expect, it } from 'vitest';
import { summaryView, transitionViewFor, proposalProps, type SummaryCard } from '../../../client/transition/index.ts';
import { serviceCardDefaults } from '../../../shared/shapes/index.ts';
import { transitionDetailFor } from '../../../shared/domain/index.ts';
import { findTemplate } from '../../../shared/templates/index.ts';

const c = (id: string, service: string, system: SummaryCard['system'] = 'shogai', extra: Partial<SummaryCard> = {}): SummaryCard => ({
  id,
  system,
  service,
  serviceId: null,
  status: 'in-use',
  ...extra,
});

describe('the transition summary of the board', () => {
  it('is empty without 障害福祉 cards', () => {
    const v = summaryView([c('a', '訪問看護', 'kaigo'), c('b', '', 'shogai')], []);
    expect(v.empty).toBe(true);
    expect(v.moves).toEqual([]);
  });

  it('sorts cards into what moves, what continues and what has no home yet, each pointing at its cards', () => {
    const v = summaryView([c('k', '居宅介護'), c('k2', 'ホームヘルプ'), c('d', '同行援護'), c('x', '近所の喫茶店'), c('n', '訪問看護', 'kaigo')], []);
    expect(v.moves.map((e) => [e.title, e.cardIds, e.needsProposal])).toEqual([['居宅介護 → 訪問介護', ['k', 'k2'], true]]);
    expect(v.continues.map((e) => [e.title, e.cardIds])).toEqual([['同行援護', ['d']]]);
    // The losses of the move and the unknown name.
    expect(v.noHome.map((e) => e.title)).toEqual(['院内介助（介護保険では例外的にしか認められない）', '同居家族がいる場合の生活援助（訪問介護では制限される）', '近所の喫茶店']);
    expect(v.noHome[0]!.cardIds).toEqual(['k', 'k2']);
    expect(v.noHome[2]!.cardIds).toEqual(['x']);
  });

  it('uses the catalogue link when the card has one', () => {
    const v = summaryView([c('a', '障害のヘルパーさん', 'shogai', { serviceId: 'judo-homon-kaigo' })], []);
    expect(v.moves.map((e) => e.cardIds)).toEqual([['a']]);
    expect(v.moves[0]!.title).toBe('重度訪問介護 → 訪問介護');
  });

  it('an arrow from a moving card to another card is its proposal', () => {
    const cards = [c('k', '居宅介護'), c('p', '訪問介護', 'kyoseigata', { status: 'proposed' })];
    const v = summaryView(cards, [{ from: 'k', to: 'p' }, { from: 'zz', to: 'k' }]);
    expect(v.moves[0]).toMatchObject({ needsProposal: false, proposals: [{ id: 'p', service: '訪問介護', status: 'proposed' }] });
    // The 共生型 訪問介護 card itself is not a service that moves.
    expect(v.moves).toHaveLength(1);
    expect(v.noHome.some((e) => e.cardIds.includes('p'))).toBe(false);
  });

  it('an ambiguous name is listed as something to confirm', () => {
    const v = summaryView([c('j', '自立訓練')], []);
    expect(v.noHome).toHaveLength(1);
    expect(v.noHome[0]).toMatchObject({ title: '自立訓練', cardIds: ['j'] });
    expect(v.noHome[0]!.note).toContain('どのサービスか確認する');
  });
});

describe('the helper for one card', () => {
  it('only 障害福祉 (and 共生型 障害 services) have a transition', () => {
    expect(transitionViewFor({ system: 'kaigo', service: '訪問介護', serviceId: null }).kind).toBe('not-shogai');
    expect(transitionViewFor({ system: 'kyoseigata', service: '訪問介護', serviceId: null }).kind).toBe('not-shogai');
    expect(transitionViewFor({ system: 'kyoseigata', service: '生活介護', serviceId: null }).kind).toBe('detail');
    expect(transitionViewFor({ system: 'shogai', service: 'よくわからない', serviceId: null })).toEqual({ kind: 'unknown', name: 'よくわからない' });
  });

  it('the proposal keeps the provider only where 共生型 covers the counterpart', () => {
    const source = { ...serviceCardDefaults(), service: '自立訓練（機能訓練）', provider: 'あおぞら' };
    const detail = transitionDetailFor(source.service)!;
    // 機能訓練 → 通所リハビリテーション is not a 共生型 pair.
    expect(proposalProps(source, detail, '通所リハビリテーション', true)).toMatchObject({ system: 'kaigo', provider: '', status: 'proposed', serviceId: 'tsusho-reha' });
  });
});

describe('a proposal the board already has', () => {
  it('a 提案 card naming the counterpart counts as 案あり without an arrow; 共生型… names count for their service', () => {
    const v = summaryView(
      [c('k', '居宅介護'), c('s', '生活介護'), c('h', '訪問介護', 'kaigo', { status: 'proposed' }), c('t', '共生型通所介護', 'kyoseigata', { status: 'proposed' })],
      [],
    );
    expect(v.moves.map((e) => [e.title, e.needsProposal, e.proposals.map((p) => p.id)])).toEqual([
      ['居宅介護 → 訪問介護', false, ['h']],
      ['生活介護 → 通所介護・地域密着型通所介護', false, ['t']],
    ]);
  });

  it('a card in use with the counterpart’s name is no proposal', () => {
    const v = summaryView([c('k', '居宅介護'), c('h', '訪問介護', 'kaigo')], []);
    expect(v.moves[0]).toMatchObject({ needsProposal: true, proposals: [] });
  });

  it('an arrow and a matching card are one proposal, not two', () => {
    const v = summaryView([c('k', '居宅介護'), c('h', '訪問介護', 'kaigo', { status: 'proposed' })], [{ from: 'k', to: 'h' }]);
    expect(v.moves[0]!.proposals.map((p) => p.id)).toEqual(['h']);
  });

  it('the exercise-1 template: every move whose proposal the template draws has it', () => {
    const records = findTemplate('exercise-1')!.build() as unknown as { type?: string; id: string; props: SummaryCard }[];
    const cards = records.filter((r) => r.type === 'rb-service').map((r) => ({ ...r.props, id: r.id }));
    const v = summaryView(cards, []);
    const byTitle = Object.fromEntries(v.moves.map((e) => [e.title.split(' → ')[0], e.needsProposal]));
    expect(byTitle).toMatchObject({ 居宅介護: false, 生活介護: false });
  });
});
