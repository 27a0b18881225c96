import * as wsModule from 'ws';
import { describe, expect, it } from 'vitest';
import { binaryFrame } from '../../server/http/WsRelaySocket.ts';

/** ws's own frame parser (exported by the package, left out of its type declarations). */
interface ReceiverLike {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  write(chunk: Buffer): void;
}
const Receiver = (wsModule as unknown as { Receiver: new (opts: { isServer: boolean }) => ReceiverLike }).Receiver;

describe('binaryFrame', () => {
  // Lengths at each boundary of the three length encodings (7 bits, 16 bits, 64 bits).
  it.each([0, 1, 125, 126, 65_535, 65_536, 300_000])('is a frame ws reads back as the same %i bytes', (n) => {
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = (i * 31 + 7) & 0xff;
    // A view into a bigger buffer, as the relay's frames often are.
    const padded = new Uint8Array(n + 10);
    padded.set(data, 5);
    const view = padded.subarray(5, 5 + n);

    const receiver = new Receiver({ isServer: false });
    const got: { data: Buffer; isBinary: boolean }[] = [];
    receiver.on('message', (d, isBinary) => got.push({ data: d, isBinary }));
    receiver.write(binaryFrame(view));

    expect(got).toHaveLength(1);
    expect(got[0]?.isBinary).toBe(true);
    // Byte comparison by Buffer.equals: toEqual walks 300,000 elements one by one (seconds on a busy box).
    expect(got[0]?.data.byteLength).toBe(n);
    expect(Buffer.from(got[0]?.data ?? []).equals(Buffer.from(data))).toBe(true);
  });
});
