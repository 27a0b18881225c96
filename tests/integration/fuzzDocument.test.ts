import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { findDocumentRepairs, validateRecord } from '../../shared/records/index.ts';
import { connectClient, putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { DocFuzz, REFUSED, type DocMutation } from '../helpers/docFuzz.ts';
import { syncUpdateFrame } from '../helpers/frames.ts';
import { api } from '../helpers/http.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { mulberry32 } from '../helpers/prng.ts';
import { sendAndProbe } from '../helpers/probe.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { TEST_ON_POSTGRES } from '../helpers/testStorage.ts';
import { waitForSameRecords } from '../helpers/wait.ts';

const SEED = 0xd0c_f022;
const SOCKETS = 8;
// 10,000 on SQLite; on PostgreSQL (the scale-backbone project) every refusal reloads the board
// over the network, so the same rules are fuzzed with fewer mutations there.
const MUTATIONS = Number(process.env.DOC_FUZZ_MUTATIONS ?? (TEST_ON_POSTGRES ? 2_000 : 10_000));
const EDIT_EVERY = 100;

describe('fuzzing the document (SPEC D1–D3)', () => {
  let srv: TestServer;
  let boardF: CreateBoardResponse;
  let boardG: CreateBoardResponse;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // The probe after each mutation is a step 1: lift the per-session step-1 limit here.
    srv = await startServer({ env: { SESSION_STEP1_BURST: '10000', SESSION_STEP1_PER_MINUTE: '600000' } });
    boardF = await srv.createBoard({ title: 'F' });
    boardG = await srv.createBoard({ title: 'G' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('refuses bad records, repairs broken structure, and leaves every stored record valid', async () => {
    const ga = connectClient(srv.wsUrl, boardG.id, boardG.tokens.edit);
    const gb = connectClient(srv.wsUrl, boardG.id, boardG.tokens.edit);
    clients.push(ga, gb);
    const incidents: string[] = [];
    for (const [name, c] of [['ga', ga], ['gb', gb]] as const) {
      c.provider.on('connection-close', (e: { code?: number } | null) => incidents.push(`${name} closed ${e?.code ?? 'locally'}`));
    }
    await Promise.all([ga.synced, gb.synced]);
    let rounds = 0;

    const url = boardWsUrl(srv.wsUrl, boardF.id, boardF.tokens.edit);
    const tally = new Map<string, number>();
    const closeCodes = new Set<number>();
    let sent = 0;
    const runSocket = async (index: number) => {
      const fuzz = new DocFuzz(mulberry32(SEED + index), `f${index}`, 300_000 + index);
      let raw: RawClient | undefined;
      let mirror = new Y.Doc();
      for (let n = 0; n < MUTATIONS / SOCKETS; n++) {
        if (!raw) {
          raw = await RawClient.open(url);
          mirror = new Y.Doc();
          Y.applyUpdate(mirror, await raw.sync());
        }
        const { update, kind } = fuzz.next(mirror);
        // The answer to the probe carries any repair the server made after the mutation.
        const outcome = await sendAndProbe(raw, mirror, syncUpdateFrame(update, 'update'));
        tally.set(`${kind}:${outcome}`, (tally.get(`${kind}:${outcome}`) ?? 0) + 1);
        if (++sent % EDIT_EVERY === 0) {
          rounds++;
          putRecord(ga.doc, shapeRecord(`ga-${rounds % 8}`, { x: rounds }));
          putRecord(gb.doc, shapeRecord(`gb-${rounds % 8}`, { x: rounds }));
        }
        if (outcome === 'closed') {
          fuzz.refused();
          closeCodes.add(raw.closeInfo!.code);
          raw = undefined;
        }
      }
      await raw?.close();
    };
    await Promise.all(Array.from({ length: SOCKETS }, (_, i) => runSocket(i)));

    expect(sent).toBe(MUTATIONS);
    // Each refused kind was always refused, with the named code; each accepted kind accepted.
    expect([...closeCodes]).toEqual([CloseCode.MalformedMessage]);
    for (const [key, n] of tally) {
      const [kind, outcome] = key.split(':') as [DocMutation, string];
      expect({ key, outcome }).toEqual({ key, outcome: REFUSED.has(kind) ? 'closed' : 'accepted' });
      expect(n).toBeGreaterThan(0);
    }
    expect(srv.server.metrics.structureRepairs).toBeGreaterThan(0);

    // Board G never noticed.
    await providerBarrier(ga);
    await providerBarrier(gb);
    await waitForSameRecords(ga.doc, gb.doc);
    expect(recordsMap(ga.doc).get(`shape:gb-${rounds % 8}`)?.x).toBe(rounds);
    expect(incidents).toEqual([]);

    // The server serves, and a stock provider still edits board F.
    expect((await api(srv.baseUrl, 'GET', '/api/health')).body).toMatchObject({ ok: true });
    const joiner = connectClient(srv.wsUrl, boardF.id, boardF.tokens.edit);
    clients.push(joiner);
    await whileConnected(joiner, joiner.synced);
    putRecord(joiner.doc, shapeRecord('after-fuzz'));
    await whileConnected(joiner, providerBarrier(joiner));

    // Every stored record validates, and the stored structure needs no repair.
    await srv.server.registry.peek(boardF.id)!.pipeline.flush();
    const stored = await loadStoredDoc(srv.server.storage, boardF.id);
    const records = [...recordsMap(stored).entries()];
    expect(records.length).toBeGreaterThan(100);
    expect(records.filter(([key, r]) => key !== r.id || !validateRecord(r).ok).map(([k]) => k)).toEqual([]);
    expect(findDocumentRepairs(records.map(([, r]) => r))).toEqual([]);
    expect(recordsMap(stored).has('shape:after-fuzz')).toBe(true);
  }, 600_000);
});
