import { findService, resolveService, serviceById, servicesOf, type ServiceInfo, type ServiceSystemId, type SystemId } from '../../../shared/domain/index.ts';

/**
 * The catalogue id a typed service name denotes on a card of `system`: the system's own
 * reading first (ホームヘルプ on a 障害 card is 居宅介護), then an unambiguous reading in any
 * system, then a 「共生型…」 name; `null` when the name is free text.
 */
export function matchServiceId(name: string, system: SystemId): string | null {
  const text = name.trim();
  if (text === '') return null;
  const hinted = system === 'kyoseigata' ? undefined : findService(text, { system });
  const found = hinted ?? findService(text) ?? resolveService(text)?.service;
  return found?.id ?? null;
}

/** The props a card gets when its service text changes: the text and the catalogue link. */
export function serviceUpdate(name: string, system: SystemId): { service: string; serviceId: string | null } {
  return { service: name, serviceId: matchServiceId(name, system) };
}

const KYOSEIGATA_SIDES: readonly ServiceSystemId[] = ['shogai', 'kaigo'];

/** The catalogue entries to offer on a card of `system` (共生型 offers both sides). */
export function catalogueFor(system: SystemId): readonly ServiceInfo[] {
  return system === 'kyoseigata' ? KYOSEIGATA_SIDES.flatMap((s) => servicesOf(s)) : servicesOf(system);
}

/**
 * What a card's service name is, said once for every panel: empty, a catalogue service of
 * the card's system, a catalogue service of another system (a 介護保険 name on a 障害福祉
 * card), or free text. A 共生型 card covers both 障害福祉 and 介護保険 names.
 */
export type CardServiceLink =
  | { kind: 'empty' }
  | { kind: 'linked'; service: ServiceInfo }
  | { kind: 'other-system'; service: ServiceInfo }
  | { kind: 'free' };

/** The link of a card's service name (see {@link CardServiceLink}). */
export function cardServiceLink(card: { system: SystemId; service: string; serviceId: string | null }): CardServiceLink {
  if (card.service.trim() === '') return { kind: 'empty' };
  const service = card.serviceId ? serviceById(card.serviceId) : undefined;
  if (!service) return { kind: 'free' };
  const fits = card.system === 'kyoseigata' ? KYOSEIGATA_SIDES.includes(service.system) : service.system === card.system;
  return fits ? { kind: 'linked', service } : { kind: 'other-system', service };
}
