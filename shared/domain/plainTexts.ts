/**
 * Texts the product writes for the person (本人) about their own case, in やさしい日本語: short
 * sentences, no 凡例 or 相当, a gloss on 上乗せ (issue 16). The board's own notes are written for
 * the professionals; these are what the easy-read view (and anything else shown to the person)
 * says instead. English is complete, in the same plain register.
 */
import { findService } from './services.ts';

/** An insurance service's name in English (its catalogue name), or the name as written. */
function kaigoNameEn(name: string): string {
  return findService(name, { system: 'kaigo' })?.nameEn ?? name;
}

/**
 * The plain sentence for one service at the move (やさしい日本語: short, no 凡例 or 相当, a
 * gloss on 上乗せ); the board's own notes are written for the professionals.
 */
export function plainTransition(locale: 'ja' | 'en', kind: 'moves' | 'continues' | 'noHome', item: { counterparts: readonly string[]; kyoseigata: boolean; topUpPossible: boolean }): string {
  const c = item.counterparts;
  if (locale === 'ja') {
    const lines = [
      kind === 'moves' ? (c.length ? `65歳から、介護保険の「${c.join('」「')}」に変わります。` : '65歳から、介護保険のサービスに変わります。')
      : kind === 'continues' ? '65歳のあとも、今のまま使えます。'
      : 'どうなるか、まだ決まっていません。みんなで確かめます。',
    ];
    if (kind === 'moves' && item.kyoseigata) lines.push('今の事業所が、そのまま続けられることがあります。');
    if (kind === 'moves' && item.topUpPossible) lines.push('介護保険で足りないときは、障害福祉で足すこと（上乗せ）ができることがあります。市町村に確かめます。');
    return lines.join('');
  }
  const lines = [
    kind === 'moves' ? (c.length ? `From 65, this becomes ${c.map(kaigoNameEn).join(', ')} under long-term care insurance.` : 'From 65, this moves to long-term care insurance.')
    : kind === 'continues' ? 'This goes on as now after 65.'
    : 'Not decided yet. Everyone will check together.',
  ];
  if (kind === 'moves' && item.kyoseigata) lines.push(' The same provider may be able to go on.');
  if (kind === 'moves' && item.topUpPossible) lines.push(' If insurance is not enough, disability welfare may add more (a top-up); the city decides.');
  return lines.join('');
}

/** A date as people read it: 2026年5月19日 (ja) or 19 May 2026 (en); other text as it is. */
export function plainDate(locale: 'ja' | 'en', iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (locale === 'ja') return `${y}年${mo}月${d}日`;
  return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
