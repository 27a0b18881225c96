import { describe, expect, it } from 'vitest';
import { NAME_MAX, identityFrom } from '../../../client/lib/identity.ts';

const before = { id: 'u-1', name: '佐藤 花子', role: 'caremanager' };
let n = 0;
const makeId = () => `new-${++n}`;

describe('the identity a dialog answer makes', () => {
  it('a new name or role keeps the same person (same id), so others keep following them', () => {
    expect(identityFrom({ previous: before, fresh: false, name: ' 佐藤 花子（家族） ', role: 'family' }, makeId)).toEqual({ id: 'u-1', name: '佐藤 花子（家族）', role: 'family' });
  });

  it('“not you?” makes a new participant with a new id', () => {
    const next = identityFrom({ previous: before, fresh: true, name: '鈴木 一郎', role: 'nurse' }, makeId);
    expect(next?.id).toMatch(/^new-/);
    expect(next).toMatchObject({ name: '鈴木 一郎', role: 'nurse' });
  });

  it('the first visit gets a new id', () => {
    expect(identityFrom({ previous: undefined, fresh: false, name: '山田', role: 'soudan' }, makeId)?.id).toMatch(/^new-/);
  });

  it('an empty or blank name is no answer; a long one is cut to the limit', () => {
    expect(identityFrom({ previous: before, fresh: false, name: '   ', role: 'soudan' }, makeId)).toBeUndefined();
    expect(identityFrom({ previous: before, fresh: false, name: 'あ'.repeat(80), role: 'soudan' }, makeId)?.name).toHaveLength(NAME_MAX);
  });
});
