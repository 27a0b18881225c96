import { ROLES, isRoleId } from '../../shared/domain/roles.ts';
import type { OutlineChange } from './model.ts';
import { outlineTexts } from './texts.ts';

/** Who made a change, as the awareness of their connection says. */
export interface Author {
  name: string;
  role: string;
}

const KIND_KEY = { voice: 'kindVoice', plan: 'kindPlan', service: 'kindService' } as const;

/** The sentence announced for one change: 「介護支援専門員の佐藤さんが計画項目を追加しました：…」. */
export function announcementText(locale: 'ja' | 'en', author: Author | undefined, change: OutlineChange): string {
  const o = outlineTexts[locale];
  const role = author && isRoleId(author.role) ? ROLES[author.role] : undefined;
  const text = change.text.length > 80 ? `${change.text.slice(0, 80)}…` : change.text;
  if (locale === 'ja') {
    const who = author ? `${role ? `${role.label}の` : ''}${author.name}さん` : o.someone;
    return `${who}が${o[KIND_KEY[change.kind]]}${o[change.action]}${text ? `：${text}` : ''}`;
  }
  const who = author ? `${author.name}${role ? `, ${role.labelEn},` : ''}` : o.someone;
  return `${who}${o[change.action]} ${o[KIND_KEY[change.kind]]}${text ? `: ${text}` : ''}`;
}
