/**
 * A server-sent events parser for a stream read with `fetch` (so a token rides in the
 * Authorization header, never in a URL): feed it text as it arrives; it calls `onData` with
 * each event's data (its `data:` lines joined), and ignores comments (`: ping`) and other fields.
 */
export function sseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(l.startsWith('data: ') ? 6 : 5));
      if (data.length > 0) onData(data.join('\n'));
    }
  };
}

/** Read a fetch response body as text chunks until it ends or `signal` aborts. */
export async function readText(res: Response, onChunk: (text: string) => void): Promise<void> {
  if (!res.body) return;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onChunk(decoder.decode(value, { stream: true }));
  }
}
