/** Step-2 answers kept per document version (a fresh joiner's and a few reconnecting state vectors). */
const ENTRIES = 4;

/**
 * Sync step-2 answers by state vector, valid while the document's version does not change
 * (SPEC R10): many sessions asking the same question of an unchanged board get the same bytes,
 * encoded once, instead of the whole document encoded again for each.
 */
export class Step2Cache {
  private version = -1;
  private answers = new Map<string, Uint8Array>();

  /** The answer for `stateVector` at `version`, if it was encoded. */
  get(version: number, stateVector: Uint8Array): Uint8Array | undefined {
    if (version !== this.version) return undefined;
    return this.answers.get(key(stateVector));
  }

  set(version: number, stateVector: Uint8Array, frame: Uint8Array): void {
    if (version !== this.version || this.answers.size >= ENTRIES) {
      this.answers = new Map();
      this.version = version;
    }
    this.answers.set(key(stateVector), frame);
  }
}

function key(stateVector: Uint8Array): string {
  return Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
}
