import * as Y from 'yjs';
import { syncStep1Frame } from './frames.ts';
import type { RawClient } from './rawSocket.ts';

/**
 * Send `frame`, then a probe: a sync step 1 for what `mirror` (a copy of the server's document)
 * lacks. Frames of a socket are handled in order, so once the probe is answered `frame` was
 * handled and accepted, and the answers (every step 2 owed: the probe's, plus one if `frame`
 * was itself a step 1) bring `mirror` up to the server, repairs included; if the socket closes
 * instead, `frame` was refused. Used by the relay fuzz and the document fuzz.
 */
export async function sendAndProbe(raw: RawClient, mirror: Y.Doc, frame: Uint8Array, opts: { frameOwesStep2?: boolean } = {}): Promise<'accepted' | 'closed'> {
  raw.send(frame);
  raw.send(syncStep1Frame(Y.encodeStateVector(mirror)));
  const owed = 1 + (opts.frameOwesStep2 ? 1 : 0);
  try {
    for (let i = 0; i < owed; i++) Y.applyUpdate(mirror, (await raw.next('sync-step2')).update);
    return 'accepted';
  } catch {
    await raw.closed;
    return 'closed';
  }
}
