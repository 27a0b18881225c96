import { T } from '@tldraw/validate';
import { ROLE_IDS } from '../domain/roles.ts';
import { SYSTEM_IDS } from '../domain/systems.ts';

/** A system id (障害福祉, 介護保険, 医療, インフォーマル, 共生型) as a prop validator. */
export const systemIdValidator = T.literalEnum(...SYSTEM_IDS);

/** A participant role id, or '' for "not assigned". */
export const roleOrEmptyValidator = T.literalEnum('', ...ROLE_IDS);

/** A calendar date 'YYYY-MM-DD', or '' when unknown. */
export const dateOrEmptyValidator = T.string.check((v) => {
  if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`expected YYYY-MM-DD or empty, got "${v}"`);
});

/** Text a person typed: bounded so one card cannot swell the document. */
export const textValidator = T.string.check((v) => {
  if (v.length > 20_000) throw new Error('text longer than 20,000 characters');
});

/** Width or height of a box shape. */
export const sizeValidator = T.nonZeroNumber;

/** A short field (a period, a frequency, a provider's name): one line's worth. */
export const shortTextValidator = T.string.check((v) => {
  if (v.length > 500) throw new Error('text longer than 500 characters');
});
