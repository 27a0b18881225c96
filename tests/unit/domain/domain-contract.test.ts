// CONTRACT.md "Domain module": what other tools import from shared/domain/index.ts.
import { expect, it } from 'vitest';
import * as domain from '../../../shared/domain/index.ts';

it('exports transitionFor, age65Date and SPECIFIED_DISEASES with the contract shapes', () => {
  expect(typeof domain.transitionFor).toBe('function');
  expect(typeof domain.age65Date).toBe('function');
  expect(domain.age65Date('1961-04-01')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(domain.SPECIFIED_DISEASES.every((d) => typeof d === 'string')).toBe(true);
  const t = domain.transitionFor('居宅介護');
  expect(t && Array.isArray(t.counterparts) && typeof t.kyoseigata === 'boolean').toBe(true);
  expect(domain.transitionFor('not a service')).toBeUndefined();
});
