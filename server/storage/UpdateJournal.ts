import fs from 'node:fs';
import zlib from 'node:zlib';

/** One document update as the SQLite store keeps it: its board's stream number, its seq, its (sealed) bytes. */
export interface JournalEntry {
  readonly num: number;
  readonly seq: number;
  readonly data: Buffer;
}

/**
 * An entry on disk: data length (u32), CRC-32 of everything after it (u32), stream number
 * (u32), seq (f64: seqs stay below 2^40), then the data. Little-endian.
 */
const HEADER_BYTES = 20;
/** An entry longer than this is not one we wrote (the relay's frames are far smaller): the file ends there. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** What an existing journal file held when it was opened. */
export interface JournalContents {
  entries: JournalEntry[];
  /** Bytes after the last whole entry (a write cut short by a crash or power loss), dropped. */
  tornBytes: number;
}

/**
 * The SQLite store's update journal (SPEC S1): an append-only file that takes each document
 * update with one `write` before the relay passes it on, so an update survives `kill -9` of
 * the server as a WAL commit does, for a fraction of a commit's CPU. The store folds the
 * journal's entries into the database in batches and then empties the file; at start-up it
 * folds whatever a stopped process left. Each entry carries a checksum, so a torn last write
 * is recognised and dropped, never read as an update.
 *
 * Not shared between processes: one server writes a data directory (SQLite is single-writer),
 * and its journal is its own.
 */
export class UpdateJournal {
  private constructor(
    readonly file: string,
    private readonly fd: number,
    private bytes: number,
  ) {}

  /** Open (or create) the journal at `file` and read what it holds. */
  static open(file: string): { journal: UpdateJournal; contents: JournalContents } {
    const fd = fs.openSync(file, 'a+');
    try {
      const buf = fs.readFileSync(fd);
      const contents = parseJournal(buf);
      return { journal: new UpdateJournal(file, fd, buf.byteLength), contents };
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  /**
   * Append one entry with one `writev`. On a failure nothing of it stays in the file (a
   * partial write is cut off again), so a later entry is never stranded behind a torn one;
   * if even that fails, this throws `JournalBrokenError` and the journal must not be used again.
   */
  append(entry: JournalEntry): void {
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt32LE(entry.data.byteLength, 0);
    header.writeUInt32LE(entry.num, 8);
    header.writeDoubleLE(entry.seq, 12);
    header.writeUInt32LE(zlib.crc32(entry.data, zlib.crc32(header.subarray(8))), 4);
    const total = HEADER_BYTES + entry.data.byteLength;
    let written = 0;
    try {
      while (written < total) {
        written += fs.writevSync(this.fd, written === 0 ? [header, entry.data] : [Buffer.concat([header, entry.data]).subarray(written)]);
      }
    } catch (err) {
      if (written > 0) {
        try {
          fs.ftruncateSync(this.fd, fs.fstatSync(this.fd).size - written);
        } catch (cause) {
          throw new JournalBrokenError(`the update journal ${this.file} holds a partial entry that could not be removed`, { cause });
        }
      }
      throw err;
    }
    this.bytes += total;
  }

  /** Empty the file: every entry in it is in the database. */
  clear(): void {
    if (this.bytes === 0) return;
    fs.ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  /** Close the file; remove it when it is empty. */
  close(): void {
    const empty = fs.fstatSync(this.fd).size === 0;
    fs.closeSync(this.fd);
    if (empty) fs.rmSync(this.file, { force: true });
  }
}

/** A journal that may hold a torn entry in its middle: appending to it would strand what follows. */
export class JournalBrokenError extends Error {
  override readonly name = 'JournalBrokenError';
}

/** The whole entries at the start of `buf`, up to the first one that is cut short or fails its checksum. */
export function parseJournal(buf: Buffer): JournalContents {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (buf.byteLength - at >= HEADER_BYTES) {
    const length = buf.readUInt32LE(at);
    if (length > MAX_ENTRY_BYTES || buf.byteLength - at - HEADER_BYTES < length) break;
    const body = buf.subarray(at + 8, at + HEADER_BYTES + length);
    if (zlib.crc32(body) !== buf.readUInt32LE(at + 4)) break;
    const num = buf.readUInt32LE(at + 8);
    const seq = buf.readDoubleLE(at + 12);
    if (!Number.isSafeInteger(seq) || seq < 1) break;
    entries.push({ num, seq, data: Buffer.from(buf.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length)) });
    at += HEADER_BYTES + length;
  }
  return { entries, tornBytes: buf.byteLength - at };
}
