import type { TLRecord } from '@tldraw/tlschema';
import { boardSchema } from '../../shared/schema/index.ts';
import type { RecordValidator } from './UpdateGate.ts';

/**
 * The relay's record check (SPEC D1): tldraw's record validators plus our shapes' — the very
 * schema the client builds its store with — so a record a client following the schema would
 * never write is refused at the edge, as tldraw's own sync server does.
 */
export function relayRecordValidator(): RecordValidator {
  const schema = boardSchema();
  return (record) => {
    const type = schema.types[record.typeName as TLRecord['typeName']];
    if (!type) return `unknown record type "${String(record.typeName).slice(0, 40)}"`;
    try {
      type.validate(record);
      return undefined;
    } catch (err) {
      return (err as Error).message.slice(0, 300);
    }
  };
}
