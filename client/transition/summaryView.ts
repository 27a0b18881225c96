import { nameKey, resolveService, summarizeTransition, type SystemId, type TransitionLang } from '../../shared/domain/index.ts';
import type { ServiceStatus } from '../../shared/shapes/index.ts';
import { cardServiceName, serviceLabel } from './transitionView.ts';

/** What the summary needs of a service card. */
export interface SummaryCard {
  id: string;
  system: SystemId;
  service: string;
  serviceId: string | null;
  status: ServiceStatus;
}

/** An arrow on the board from one card to another. */
export interface CardLink {
  from: string;
  to: string;
}

export interface SummaryEntry {
  key: string;
  /** The service (and where it goes). */
  title: string;
  /** One plain Japanese line: why, or what is missing. */
  note: string;
  /** The cards this entry is about, to select and zoom to. */
  cardIds: string[];
  /** Cards an arrow leads to from these cards: the proposals after the move. */
  proposals: { id: string; service: string; status: ServiceStatus }[];
}

export interface SummaryView {
  moves: (SummaryEntry & { needsProposal: boolean })[];
  continues: SummaryEntry[];
  noHome: SummaryEntry[];
  /** No 障害福祉 card on the board. */
  empty: boolean;
}

// The same key summarizeTransition deduplicates on, so its items find their cards again.
function keyOf(name: string): string {
  const found = resolveService(name, { system: 'shogai' }) ?? resolveService(name);
  return found ? `id:${found.service.id}` : `key:${nameKey(name)}`;
}

/**
 * True when `card` already proposes `counterpart` for after the move: a 提案 card of 介護保険
 * or 共生型 naming it (「共生型通所介護」 proposes 通所介護), drawn with or without an arrow.
 */
export function proposesCounterpart(card: Pick<SummaryCard, 'system' | 'service' | 'serviceId' | 'status'>, counterpart: string): boolean {
  if (card.status !== 'proposed' || (card.system !== 'kaigo' && card.system !== 'kyoseigata')) return false;
  const name = nameKey(cardServiceName(card));
  return name === nameKey(counterpart) || name === nameKey(`共生型${counterpart}`);
}

/** The board's transition summary: what moves (and whether a proposal is drawn), what continues, what has no home yet. */
export function summaryView(cards: readonly SummaryCard[], links: readonly CardLink[], lang: TransitionLang = 'ja'): SummaryView {
  const sources = cards.filter((c) => (c.system === 'shogai' || c.system === 'kyoseigata') && cardServiceName(c) !== '');
  const summary = summarizeTransition(sources.map(cardServiceName), lang);
  const label = (name: string) => serviceLabel(name, lang);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const cardsFor = (input: string, serviceId: string | null): string[] => {
    const key = serviceId ? `id:${serviceId}` : keyOf(input);
    return sources.filter((c) => keyOf(cardServiceName(c)) === key).map((c) => c.id);
  };
  const proposalsFor = (ids: readonly string[]) =>
    links
      .filter((l) => ids.includes(l.from) && !ids.includes(l.to))
      .map((l) => byId.get(l.to))
      .filter((c): c is SummaryCard => c !== undefined)
      .map((c) => ({ id: c.id, service: label(cardServiceName(c) || c.service), status: c.status }));

  // A proposal the board already has (the templates' 訪問介護 and 共生型通所介護) counts, arrow or not.
  const drawnFor = (ids: readonly string[], counterparts: readonly string[]) =>
    cards
      .filter((c) => !ids.includes(c.id) && counterparts.some((cp) => proposesCounterpart(c, cp)))
      .map((c) => ({ id: c.id, service: label(cardServiceName(c) || c.service), status: c.status }));
  const moves = summary.moves.map((item, i) => {
    const cardIds = cardsFor(item.input, item.serviceId);
    const linked = proposalsFor(cardIds);
    const proposals = [...linked, ...drawnFor(cardIds, item.counterparts).filter((d) => !linked.some((l) => l.id === d.id))];
    const title = `${label(item.name ?? item.input)} → ${item.counterparts.map(label).join(lang === 'en' ? ', ' : '・')}`;
    return { key: `moves-${i}`, title, note: item.note, cardIds, proposals, needsProposal: proposals.length === 0 };
  });
  const continues = summary.continues.map((item, i) => {
    const cardIds = cardsFor(item.input, item.serviceId);
    return { key: `continues-${i}`, title: label(item.name ?? item.input), note: item.note, cardIds, proposals: proposalsFor(cardIds) };
  });
  const noHome = summary.noHome.map((item, i) => {
    const cardIds = cardsFor(item.input, item.serviceId);
    const title = item.kind === 'gap' ? item.note : label(item.input);
    const lostFrom = label(item.name ?? item.input);
    const note = item.kind === 'gap' ? (lang === 'en' ? `${lostFrom}: support that may be lost in the move` : `${lostFrom}：移行で失われるかもしれない支援`) : item.note;
    return { key: `nohome-${i}`, title, note, cardIds, proposals: [] };
  });
  return { moves, continues, noHome, empty: sources.length === 0 };
}
