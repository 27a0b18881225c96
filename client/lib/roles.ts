import { ROLE_IDS, ROLES, roleIdFrom } from '../../shared/domain/roles.ts';
import type { Locale } from '../i18n/index.ts';

/** The label of a participant role in the UI language; unknown roles shown as given. */
export function roleLabel(role: string, locale: Locale): string {
  const id = roleIdFrom(role);
  if (!id) return role;
  return locale === 'ja' ? ROLES[id].label : ROLES[id].labelEn;
}

/** The colour of a participant role (cursor, participant list). */
export function roleColor(role: string): string {
  const id = roleIdFrom(role);
  return id ? ROLES[id].color : '#555555';
}

/** The roles for the role picker, in the domain's order. */
export function roleOptions(locale: Locale): { id: string; label: string }[] {
  return ROLE_IDS.map((id) => ({ id, label: locale === 'ja' ? `${ROLES[id].label}` : ROLES[id].labelEn }));
}
