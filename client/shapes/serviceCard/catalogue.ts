import { findService, resolveService, servicesOf, type ServiceInfo, type ServiceSystemId, type SystemId } from '../../../shared/domain/index.ts';

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
