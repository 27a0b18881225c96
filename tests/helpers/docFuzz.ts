import * as Y from 'yjs';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { shapeRecord } from './clients.ts';
import type { Prng } from './prng.ts';

/** How a document-level mutation was made, for the tally, and what the server should do with it. */
export type DocMutation =
  | 'add' // a valid shape on the page or in another shape
  | 'move' // re-parent a shape under another (may close a cycle with earlier moves)
  | 'cycle' // two shapes made each other's parent in one update
  | 'dangling-parent' // a shape whose parent does not exist
  | 'delete' // delete a shape (its children become orphans)
  | 'huge-string' // a valid shape with a 40 KB label
  | 'self-parent' // refused
  | 'wrong-props' // refused: geo 'bogus'
  | 'wrong-key' // refused: stored under another id
  | 'unknown-type'; // refused: typeName the schema does not know

/** Mutations the server refuses (closing the sender); the others are accepted, some then repaired. */
export const REFUSED: ReadonlySet<DocMutation> = new Set(['self-parent', 'wrong-props', 'wrong-key', 'unknown-type']);

const WEIGHTS: ReadonlyArray<[DocMutation, number]> = [
  ['add', 24],
  ['move', 14],
  ['cycle', 6],
  ['dangling-parent', 8],
  ['delete', 20],
  ['huge-string', 2],
  ['self-parent', 7],
  ['wrong-props', 7],
  ['wrong-key', 6],
  ['unknown-type', 6],
];
const TOTAL = WEIGHTS.reduce((n, [, w]) => n + w, 0);
const MAX_SHAPES = 120;

/**
 * Valid y-websocket document updates whose records break the board's rules (SPEC D1–D3), made
 * on a working copy of what the server holds: each mutation is one real Yjs update against
 * `base` (the client's mirror of the server document), so an update the server refuses never
 * poisons the next one. Same seed, same mutations.
 */
export class DocFuzz {
  private serial = 0;
  /** A working copy of `base` plus this stream's accepted mutations; rebuilt after a refusal. */
  private work: Y.Doc | undefined;
  constructor(
    private readonly rng: Prng,
    private readonly name: string,
    private readonly clientId: number,
  ) {}

  /** The last mutation was refused: its content must not be built upon. */
  refused(): void {
    this.work?.destroy();
    this.work = undefined;
  }

  /** One mutation of `base`: the update and its kind. */
  next(base: Y.Doc): { update: Uint8Array; kind: DocMutation } {
    if (!this.work) {
      // One client id per stream, also after a refusal: the server never kept the refused
      // structs, so their clocks are free again, and the document does not collect a client per
      // refusal. Set after the base is applied (Yjs would take its own id in it for a clash).
      this.work = new Y.Doc();
      Y.applyUpdate(this.work, Y.encodeStateAsUpdate(base));
      this.work.clientID = this.clientId;
    } else {
      Y.applyUpdate(this.work, Y.encodeStateAsUpdate(base, Y.encodeStateVector(this.work)));
    }
    const work = this.work;
    const before = Y.encodeStateVector(work);
    const records = recordsMap(work);
    const shapes = [...records.values()].filter((r) => r.typeName === 'shape');
    // The document stays small (a few hundred shapes), so the run measures the rules, not size.
    const picked = this.pick();
    const kind: DocMutation = shapes.length > MAX_SHAPES && (picked === 'add' || picked === 'huge-string' || picked === 'cycle') ? 'delete' : picked;
    const any = (): StoredRecord | undefined => (shapes.length ? this.rng.pick(shapes) : undefined);
    const fresh = (extra: Record<string, unknown> = {}): StoredRecord => shapeRecord(`${this.name}-${this.serial++}`, { x: this.rng.int(2000), y: this.rng.int(2000), ...extra });
    work.transact(() => {
      switch (kind) {
        case 'add': {
          const parent = this.rng.int(3) === 0 ? any() : undefined;
          const r = fresh(parent ? { parentId: parent.id } : {});
          records.set(r.id, r);
          return;
        }
        case 'move': {
          const a = any();
          const b = any();
          if (a && b && a.id !== b.id) records.set(a.id, { ...a, parentId: b.id });
          else {
            const r = fresh();
            records.set(r.id, r);
          }
          return;
        }
        case 'cycle': {
          const a = fresh();
          const b = fresh({ parentId: a.id });
          records.set(a.id, { ...a, parentId: b.id });
          records.set(b.id, b);
          return;
        }
        case 'dangling-parent': {
          const r = fresh({ parentId: `shape:missing-${this.serial}` });
          records.set(r.id, r);
          return;
        }
        case 'delete': {
          const a = any();
          if (a) records.delete(a.id);
          return;
        }
        case 'huge-string': {
          const r = fresh({ props: { text: 'あ'.repeat(40 * 1024 / 3) } });
          records.set(r.id, r);
          return;
        }
        case 'self-parent': {
          const r = fresh();
          records.set(r.id, { ...r, parentId: r.id });
          return;
        }
        case 'wrong-props': {
          const r = fresh();
          records.set(r.id, { ...r, props: { ...(r.props as object), geo: 'bogus' } });
          return;
        }
        case 'wrong-key': {
          const r = fresh();
          records.set(`shape:other-${this.serial}`, r);
          return;
        }
        case 'unknown-type': {
          const r = fresh();
          records.set(r.id, { ...r, typeName: 'gadget' });
          return;
        }
      }
    });
    return { update: Y.encodeStateAsUpdate(work, before), kind };
  }

  private pick(): DocMutation {
    let n = this.rng.int(TOTAL);
    for (const [kind, w] of WEIGHTS) {
      if (n < w) return kind;
      n -= w;
    }
    return 'add';
  }
}
