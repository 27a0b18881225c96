import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { syncUpdateFrame } from '../helpers/frames.ts';
import { expectsStep2, FuzzStream, type FuzzKind } from '../helpers/fuzzFrames.ts';
import { api } from '../helpers/http.ts';
import { layoutViolations, loadStoredDoc } from '../helpers/layout.ts';
import { mulberry32 } from '../helpers/prng.ts';
import { sendAndProbe } from '../helpers/probe.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitForSameRecords } from '../helpers/wait.ts';

const SEED = 0x5eed_2024;
const SOCKETS = 20;
const FRAMES = 10_000;
const EDIT_EVERY = 50;

/** A state vector as sorted [client, clock] pairs, so two can be compared. */
function stateVectorOf(doc: Y.Doc): Array<[number, number]> {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * A fuzz connection. Its probes ask only for what `mirror` (a copy of the server document
 * kept across reconnections) lacks, so answers stay small however large the document grows.
 */
class FuzzConnection {
  readonly raw: RawClient;
  private readonly mirror: Y.Doc;
  private constructor(raw: RawClient, mirror: Y.Doc) {
    this.raw = raw;
    this.mirror = mirror;
  }
  /**
   * Connect and, like a stock provider, answer the server's step 1 with what the stream's own
   * document has and the server lacks; a stream whose resync was ever refused stops resyncing.
   */
  static async open(url: string, mirror: Y.Doc, stream: FuzzStream): Promise<{ conn: FuzzConnection; refusedResyncs: number }> {
    let refusedResyncs = 0;
    for (;;) {
      const conn = new FuzzConnection(await RawClient.open(url), mirror);
      if (!stream.resync) return { conn, refusedResyncs };
      const serverState = (await conn.raw.next('sync-step1')).stateVector;
      if ((await conn.sendAndSettle(syncUpdateFrame(stream.diffSince(serverState), 'step2'))) === 'accepted') return { conn, refusedResyncs };
      stream.resync = false;
      refusedResyncs++;
    }
  }
  /** Send a fuzz frame and wait until the server has handled it (tests/helpers/probe.ts). */
  sendAndSettle(frame: Uint8Array): Promise<'accepted' | 'closed'> {
    return sendAndProbe(this.raw, this.mirror, frame, { frameOwesStep2: expectsStep2(frame) });
  }
}

describe('fuzzing the relay', () => {
  let srv: TestServer;
  let boardF: CreateBoardResponse;
  let boardG: CreateBoardResponse;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // The fuzz probes with a sync step 1 after every frame: lift the per-session step-1 rate
    // limit (SPEC R10) for this test; its own test is tests/integration/backPressure.test.ts.
    srv = await startServer({ env: { SESSION_STEP1_BURST: '10000', SESSION_STEP1_PER_MINUTE: '600000' } });
    boardF = await srv.createBoard({ title: 'F' });
    boardG = await srv.createBoard({ title: 'G' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  // SPEC R3: 10,000 seeded bad and good frames on board F close only their own sessions, with 4400;
  // board G's editors never notice; the process answers; nothing outside the layout is stored.
  it('survives 10,000 fuzzed frames without harm to other sessions or storage', async () => {
    // Board G: two stock providers edit while the fuzz runs, and must never be disconnected.
    const ga = connectClient(srv.wsUrl, boardG.id, boardG.tokens.edit);
    const gb = connectClient(srv.wsUrl, boardG.id, boardG.tokens.owner);
    clients.push(ga, gb);
    const incidents: string[] = [];
    for (const [name, c] of [['ga', ga], ['gb', gb]] as const) {
      c.provider.on('status', (e: { status: string }) => e.status === 'disconnected' && incidents.push(`${name} disconnected`));
      c.provider.on('connection-close', (e: { code?: number } | null) => incidents.push(`${name} closed ${e?.code ?? 'locally'}`));
    }
    await Promise.all([ga.synced, gb.synced]);
    // Both edit on a beat set by the fuzz itself (every EDIT_EVERY frames), so G's load is the
    // same on every run: their own records, and one record both write at once.
    let rounds = 0;
    const editG = () => {
      rounds++;
      putRecord(ga.doc, shapeRecord(`ga-${rounds % 16}`, { x: rounds }));
      putRecord(gb.doc, shapeRecord(`gb-${rounds % 16}`, { x: rounds }));
      putRecord(ga.doc, shapeRecord('both', { x: rounds, y: 1 }));
      putRecord(gb.doc, shapeRecord('both', { x: rounds, y: 2 }));
    };

    // Board F: SOCKETS connections, each its own deterministic stream, reconnecting when closed.
    const url = boardWsUrl(srv.wsUrl, boardF.id, boardF.tokens.edit);
    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    const closeCodes = new Map<number, number>();
    const malformedBefore = srv.server.metrics.malformedFrames;
    let refusedResyncs = 0;
    let framesSent = 0;
    const runSocket = async (index: number) => {
      const stream = new FuzzStream(mulberry32(SEED + index), 100_000 + index);
      const mirror = new Y.Doc();
      let conn: FuzzConnection | undefined;
      for (let n = 0; n < FRAMES / SOCKETS; n++) {
        if (!conn) {
          const opened = await FuzzConnection.open(url, mirror, stream);
          conn = opened.conn;
          refusedResyncs += opened.refusedResyncs;
        }
        const { frame, kind } = stream.next();
        const outcome = await conn.sendAndSettle(frame);
        count(`${kind as FuzzKind}:${outcome}`);
        if (++framesSent % EDIT_EVERY === 0) editG();
        if (outcome === 'closed') {
          const code = conn.raw.closeInfo!.code;
          closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
          conn = undefined;
        }
      }
      await conn?.raw.close();
    };
    await Promise.all(Array.from({ length: SOCKETS }, (_, i) => runSocket(i)));

    expect(framesSent).toBe(FRAMES);
    // Every refusal was the named one; nothing was dropped abnormally.
    expect([...closeCodes.keys()]).toEqual([CloseCode.MalformedMessage]);
    const refused = closeCodes.get(CloseCode.MalformedMessage)!;
    expect(refused).toBeGreaterThan(FRAMES / 4);
    expect(tally.get('valid:accepted')).toBeGreaterThan(FRAMES / 5);
    expect(tally.get('empty:accepted') ?? 0).toBe(0);
    expect(srv.server.metrics.malformedFrames - malformedBefore).toBe(refused + refusedResyncs);

    // Board G never noticed, and its edits converge.
    expect(incidents).toEqual([]);
    expect(rounds).toBe(FRAMES / EDIT_EVERY);
    await providerBarrier(ga);
    await providerBarrier(gb);
    await waitForSameRecords(ga.doc, gb.doc);
    expect(recordsMap(ga.doc).toJSON()).toEqual(recordsMap(gb.doc).toJSON());
    expect(recordsMap(ga.doc).get(`shape:gb-${rounds % 16}`)?.x).toBe(rounds);
    expect(incidents).toEqual([]);

    // The process still answers, and board F still works for a stock provider.
    expect((await api(srv.baseUrl, 'GET', '/api/health')).body).toMatchObject({ ok: true });
    const joiner = connectClient(srv.wsUrl, boardF.id, boardF.tokens.edit);
    clients.push(joiner);
    await whileConnected(joiner, joiner.synced);
    putRecord(joiner.doc, shapeRecord('after-fuzz'));
    await whileConnected(joiner, providerBarrier(joiner));

    // Nothing outside the layout reached storage, and storage holds exactly the live document.
    const room = srv.server.registry.peek(boardF.id)!;
    await room.pipeline.flush();
    const stored = await loadStoredDoc(srv.server.storage, boardF.id);
    expect(layoutViolations(stored)).toEqual([]);
    expect(layoutViolations(room.pipeline.documentNow())).toEqual([]);
    expect(stateVectorOf(stored)).toEqual(stateVectorOf(room.pipeline.documentNow()));
    expect(recordsMap(stored).toJSON()).toEqual(recordsMap(room.pipeline.documentNow()).toJSON());
    expect(recordsMap(stored).has('shape:after-fuzz')).toBe(true);
    expect(recordsMap(joiner.doc).toJSON()).toEqual(recordsMap(room.pipeline.documentNow()).toJSON());
  }, 120_000);
});
