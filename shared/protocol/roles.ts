/**
 * Capability roles: what a link lets its bearer do. Not to be confused with the
 * participant roles of the domain model (相談支援専門員, 本人, …), which are display roles.
 */
export const CAPABILITIES = ['owner', 'edit', 'view'] as const;
export type Capability = (typeof CAPABILITIES)[number];

const RANK: Record<Capability, number> = { view: 0, edit: 1, owner: 2 };

/** True when `have` is at least as strong as `need`. */
export function capabilityAtLeast(have: Capability, need: Capability): boolean {
  return RANK[have] >= RANK[need];
}

/** True when the capability may change the document. */
export function canWrite(cap: Capability): boolean {
  return capabilityAtLeast(cap, 'edit');
}
