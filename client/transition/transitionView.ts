import { findService, resolveService, serviceById, transitionDetailFor, type ServiceInfo, type TransitionDetail, type TransitionLang } from '../../shared/domain/index.ts';
import type { ServiceCardProps } from '../../shared/shapes/index.ts';

/** What the transition helper shows for a selected card. */
export type TransitionView =
  | { kind: 'not-shogai' }
  /** A 障害福祉 card naming another system's service: the card's system is what to check. */
  | { kind: 'other-system'; service: ServiceInfo }
  | { kind: 'unknown'; name: string }
  | { kind: 'detail'; detail: TransitionDetail };

/** The name to look up for a card: the catalogue name when linked, else what was typed. */
export function cardServiceName(card: Pick<ServiceCardProps, 'service' | 'serviceId'>): string {
  return (card.serviceId ? serviceById(card.serviceId)?.name : undefined) ?? card.service.trim();
}

/**
 * The transition of the service on a card: only 障害福祉 (or 共生型) cards have one; a
 * 共生型 card naming a 介護保険 service is already on the far side.
 */
export function transitionViewFor(card: Pick<ServiceCardProps, 'system' | 'service' | 'serviceId'>, lang: TransitionLang = 'ja'): TransitionView {
  if (card.system !== 'shogai' && card.system !== 'kyoseigata') return { kind: 'not-shogai' };
  const linked = card.serviceId ? serviceById(card.serviceId) : undefined;
  if (card.system === 'shogai' && linked && linked.system !== 'shogai') return { kind: 'other-system', service: linked };
  const name = cardServiceName(card);
  const detail = name === '' ? undefined : transitionDetailFor(name, lang);
  if (detail) return { kind: 'detail', detail };
  if (card.system === 'kyoseigata') return { kind: 'not-shogai' };
  return { kind: 'unknown', name };
}

/**
 * A catalogue service name as the UI shows it: the name itself in Japanese, its English name
 * in English (「共生型…」 names too); a name the catalogue does not know stays as written.
 */
export function serviceLabel(name: string, lang: TransitionLang): string {
  if (lang === 'ja') return name;
  const found = findService(name) ?? resolveService(name)?.service;
  if (!found) return name;
  const kyoseigata = name.normalize('NFKC').trim().startsWith('共生型') && !found.name.startsWith('共生型');
  return kyoseigata ? `Kyōsei-gata ${found.nameEn}` : found.nameEn;
}

/** True when the same provider can carry on into `counterpart` under a 共生型 designation. */
export function canKeepProvider(detail: TransitionDetail, counterpart: string): boolean {
  return detail.kyoseigata && detail.kyoseigataWith.includes(counterpart);
}

/**
 * The props of the proposed card after the move: the counterpart, 提案, and — when 共生型
 * keeps the provider — system 共生型 and the same provider.
 */
export function proposalProps(
  source: ServiceCardProps,
  detail: TransitionDetail,
  counterpart: string,
  keepProvider: boolean,
): ServiceCardProps {
  const kyoseigata = keepProvider && canKeepProvider(detail, counterpart);
  const from = source.amount ? `${detail.serviceName}（${source.amount}）` : detail.serviceName;
  return {
    w: source.w,
    h: source.h,
    system: kyoseigata ? 'kyoseigata' : 'kaigo',
    service: counterpart,
    serviceId: findService(counterpart, { system: 'kaigo' })?.id ?? null,
    provider: kyoseigata ? source.provider : '',
    amount: '',
    status: 'proposed',
    note: `${from}からの移行案`,
  };
}
