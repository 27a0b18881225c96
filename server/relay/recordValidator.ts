import { validateRecord } from '../../shared/records/index.ts';
import type { RecordValidator } from './UpdateGate.ts';

/**
 * The relay's record check (SPEC D1, D2): `shared/records`' `validateRecord` — tldraw's record
 * validators plus our shapes', the very schema the client builds its store with, and no record
 * its own parent — as the gate's validator.
 */
export function relayRecordValidator(): RecordValidator {
  return (record) => {
    const verdict = validateRecord(record);
    return verdict.ok ? undefined : verdict.error;
  };
}
