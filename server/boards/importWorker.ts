/**
 * The import worker's entry: parses and checks one import body off the main thread and
 * answers with the board's initial state (transferred, not copied) or the 400 to give.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseImportBody, type ImportBodyResult } from './importBody.ts';

const input = workerData as { bytes: Uint8Array };
parentPort?.postMessage({ started: true });
let result: ImportBodyResult | undefined;
let crashed: string | undefined;
try {
  result = parseImportBody(input.bytes);
} catch (err) {
  // A bug, not bad input: the main thread answers 500 and logs it.
  crashed = err instanceof Error ? err.message : String(err);
}
if (result) parentPort?.postMessage(result, result.ok ? [result.state.buffer as ArrayBuffer] : []);
else parentPort?.postMessage({ crashed: crashed ?? 'no result' });
