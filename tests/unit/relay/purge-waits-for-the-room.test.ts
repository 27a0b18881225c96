import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.ts';
import { createMetrics } from '../../../server/relay/metrics.ts';
import { RoomRegistry } from '../../../server/relay/RoomRegistry.ts';
import { recordsMap } from '../../../shared/doc/index.ts';
import { FakeClock } from '../../helpers/fakeClock.ts';
import { syncUpdateFrame } from '../../helpers/frames.ts';
import { MemoryDocumentStore, MemorySocket } from '../../helpers/memoryRelay.ts';
import { shapeRecord } from '../../helpers/clients.ts';
import { waitUntil } from '../../helpers/wait.ts';

/** A promise with its resolve function (Promise.withResolvers, which Node 20 lacks). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A memory store whose compactions wait until the test lets them finish. */
class HeldCompactions extends MemoryDocumentStore {
  readonly started = deferred();
  private readonly release = deferred();
  override async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.started.resolve();
    await this.release.promise;
    return super.compact(boardId, snapshot, uptoSeq);
  }
  finish(): void {
    this.release.resolve();
  }
}

// Deleting a board (BoardErasure) purges its room and then erases its rows: the purge must not
// resolve while the room is still storing its last snapshot, or that write lands after the
// deletion. purge() revokes (which starts dropping the room) and then drops it; the second
// drop used to find the room already gone and return at once.
describe('RoomRegistry.purge', () => {
  it('resolves only once the room has stored its last and closed', async () => {
    const boardId = 'board-purged';
    const store = new HeldCompactions();
    const initial = new Y.Doc();
    recordsMap(initial).set('shape:seed', shapeRecord('seed'));
    store.seed(boardId, Y.encodeStateAsUpdate(initial));
    const registry = new RoomRegistry({
      store,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      idleUnloadMs: 60_000,
      compactEveryUpdates: 1000,
      compactIdleMs: 3_600_000,
      clock: new FakeClock(),
    });
    const socket = new MemorySocket();
    const conn = registry.connect(boardId, socket, 'edit');
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(initial));
    const before = Y.encodeStateVector(writer);
    recordsMap(writer).set('shape:late', shapeRecord('late'));
    conn.receive(syncUpdateFrame(Y.encodeStateAsUpdate(writer, before)));
    await waitUntil(() => registry.peek(boardId) !== undefined, { what: 'the room to load' });
    const room = registry.peek(boardId)!;
    await room.pipeline.flush();
    expect(store.appends).toBe(1);

    let purged = false;
    const purge = registry.purge(boardId).then(() => (purged = true));
    // The room's last snapshot is being stored…
    await store.started.promise;
    expect(purged).toBe(false);
    expect(room.state).toBe('closing');
    store.finish();
    await purge;
    expect(room.state).toBe('closed');
    expect(socket.closed).toBeDefined();
  });
});
