import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';

/**
 * Encryption at rest of what a board holds (issue 17): document updates, snapshots and record
 * states are sealed with AES-256-GCM before they reach the database. A sealed value is
 * MAGIC | key id length | key id | 12-byte IV | 16-byte tag | ciphertext, so a key can be
 * rotated (rows name the key that sealed them) and a value stored before encryption was turned
 * on (no MAGIC) is still read. The additional data binds a value to its place (board, kind), so
 * a value copied into another board's row does not open.
 */
export interface DataCipher {
  /** Whether values are sealed (false: stored as they are). */
  readonly enabled: boolean;
  /** The key new values are sealed with. */
  readonly currentKeyId: string | undefined;
  seal(plain: Uint8Array, aad: string): Buffer;
  /** The plain value; throws when the key is unknown or the value was altered. */
  open(stored: Uint8Array, aad: string): Uint8Array;
  /** The key id a stored value was sealed with, or undefined for a plain one. */
  keyIdOf(stored: Uint8Array): string | undefined;
  /** A text sealed for a TEXT column (titles, names, notes): {@link TEXT_PREFIX} and base64. */
  sealText(plain: string, aad: string): string;
  /** The plain text of a TEXT column (a plain one as it is). */
  openText(stored: string, aad: string): string;
  /** The key id a sealed text was sealed with, or undefined for a plain one. */
  keyIdOfText(stored: string): string | undefined;
}

/** How a sealed text starts: a lock and a version, unlike any title typed before encryption. */
export const TEXT_PREFIX = '\u{1F512}rb1:';

/** 0xFF then "RBE": not how a Yjs update starts in practice (it would claim 10 000+ clients). */
const MAGIC = Buffer.from([0xff, 0x52, 0x42, 0x45]);
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** No encryption: values are stored as they are. */
export const PLAIN_CIPHER: DataCipher = {
  enabled: false,
  currentKeyId: undefined,
  seal: (plain) => Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength),
  open: (stored, aad) => {
    if (isSealed(stored)) throw new Error(`a stored value is encrypted (${aad}) but no DATA_KEY_FILE is configured`);
    return stored;
  },
  keyIdOf: () => undefined,
  sealText: (plain) => plain,
  openText: (stored, aad) => {
    if (stored.startsWith(TEXT_PREFIX)) throw new Error(`a stored text is encrypted (${aad}) but no DATA_KEY_FILE is configured`);
    return stored;
  },
  keyIdOfText: () => undefined,
};

function isSealed(v: Uint8Array): boolean {
  return v.length > MAGIC.length && MAGIC.every((b, i) => v[i] === b);
}

/** A set of 32-byte keys by id, and the one to seal with. */
export interface Keyring {
  current: string;
  keys: Map<string, Buffer>;
}

/** A key's id when the file gives none: 'k' and the first 8 hex digits of its sha-256. */
export function keyIdFor(key: Buffer): string {
  return `k${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

function decodeKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  return b.length === 32 ? b : undefined;
}

/**
 * Read DATA_KEY_FILE: 32 raw bytes, one key as 64 hex digits or base64, or a keyring as JSON
 * `{"current": "<id>", "keys": {"<id>": "<base64 or hex>", …}}` (for rotation).
 */
export function readKeyring(file: string): { ok: true; keyring: Keyring } | { ok: false; message: string } {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, message: `DATA_KEY_FILE cannot be read: ${(err as Error).message}` };
  }
  if (raw.length === 32) return { ok: true, keyring: { current: keyIdFor(raw), keys: new Map([[keyIdFor(raw), raw]]) } };
  const text = raw.toString('utf8').trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: 'DATA_KEY_FILE: the keyring is not valid JSON' };
    }
    const p = parsed as { current?: unknown; keys?: unknown };
    if (typeof p.current !== 'string' || typeof p.keys !== 'object' || p.keys === null) return { ok: false, message: 'DATA_KEY_FILE: a keyring needs "current" and "keys"' };
    const keys = new Map<string, Buffer>();
    for (const [id, v] of Object.entries(p.keys)) {
      const key = typeof v === 'string' ? decodeKey(v) : undefined;
      if (!key || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) return { ok: false, message: `DATA_KEY_FILE: key "${id}" must be 32 bytes (base64 or hex) under an id of letters, digits . _ -` };
      keys.set(id, key);
    }
    if (!keys.has(p.current)) return { ok: false, message: `DATA_KEY_FILE: the current key "${p.current}" is not in "keys"` };
    return { ok: true, keyring: { current: p.current, keys } };
  }
  const key = decodeKey(text);
  if (!key) return { ok: false, message: 'DATA_KEY_FILE must hold 32 random bytes (raw, hex or base64) or a JSON keyring' };
  return { ok: true, keyring: { current: keyIdFor(key), keys: new Map([[keyIdFor(key), key]]) } };
}

/** AES-256-GCM with a keyring (node:crypto). */
export function aesGcmCipher(keyring: Keyring): DataCipher {
  const current = keyring.keys.get(keyring.current);
  if (!current) throw new Error(`no key ${keyring.current}`);
  const currentId = Buffer.from(keyring.current, 'utf8');
  const cipher: DataCipher = {
    enabled: true,
    currentKeyId: keyring.current,
    seal(plain, aad) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', current, iv);
      c.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([MAGIC, Buffer.from([currentId.length]), currentId, iv, c.getAuthTag(), body]);
    },
    open(stored, aad) {
      if (!isSealed(stored)) return stored;
      const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
      const idLen = buf[MAGIC.length] ?? 0;
      let at = MAGIC.length + 1;
      const id = buf.subarray(at, at + idLen).toString('utf8');
      at += idLen;
      const key = keyring.keys.get(id);
      if (!key) throw new Error(`a stored value (${aad}) is sealed with key "${id}", which DATA_KEY_FILE does not hold`);
      const iv = buf.subarray(at, at + IV_BYTES);
      const tag = buf.subarray(at + IV_BYTES, at + IV_BYTES + TAG_BYTES);
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(tag);
      return new Uint8Array(Buffer.concat([d.update(buf.subarray(at + IV_BYTES + TAG_BYTES)), d.final()]));
    },
    keyIdOf(stored) {
      if (!isSealed(stored)) return undefined;
      const idLen = stored[MAGIC.length] ?? 0;
      return Buffer.from(stored.buffer, stored.byteOffset + MAGIC.length + 1, idLen).toString('utf8');
    },
    sealText(plain, aad) {
      return TEXT_PREFIX + cipher.seal(Buffer.from(plain, 'utf8'), aad).toString('base64');
    },
    openText(stored, aad) {
      if (!stored.startsWith(TEXT_PREFIX)) return stored;
      return Buffer.from(cipher.open(Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64'), aad)).toString('utf8');
    },
    keyIdOfText(stored) {
      return stored.startsWith(TEXT_PREFIX) ? cipher.keyIdOf(Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64')) : undefined;
    },
  };
  return cipher;
}

/** The additional data of each kind of sealed value. */
export const aad = {
  update: (boardId: string) => `update:${boardId}`,
  snapshot: (boardId: string) => `snapshot:${boardId}`,
  record: (boardId: string, recordId: string) => `record:${boardId}:${recordId}`,
  title: (boardId: string) => `title:${boardId}`,
  /** A record's title, note, participants, attendees or consent. */
  recordText: (boardId: string, recordId: string, field: string) => `record-${field}:${boardId}:${recordId}`,
  /** A personal link's name or note. */
  linkText: (linkId: string, field: string) => `link-${field}:${linkId}`,
};

/** The cipher DATA_KEY_FILE asks for (plain when unset); a bad key file is an error value. */
export function cipherFor(dataKeyFile: string | undefined): { ok: true; cipher: DataCipher } | { ok: false; message: string } {
  if (dataKeyFile === undefined) return { ok: true, cipher: PLAIN_CIPHER };
  const ring = readKeyring(dataKeyFile);
  return ring.ok ? { ok: true, cipher: aesGcmCipher(ring.keyring) } : ring;
}

/** The cipher of DATA_KEY_FILE, or a thrown error naming what is wrong with the file (start-up fails). */
export function requiredCipher(dataKeyFile: string | undefined): DataCipher {
  const c = cipherFor(dataKeyFile);
  if (!c.ok) throw new Error(c.message);
  return c.cipher;
}
