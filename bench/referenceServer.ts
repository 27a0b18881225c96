/**
 * The reference relay for the benchmark: the stock `@y/websocket-server` 0.1.1 in memory,
 * with our URL shape (`ws://HOST:PORT/ws/<room>`) so the same load generator drives both.
 * No persistence, no auth. Run as a child by bench/relay.ts.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const WS_PREFIX = '/ws/';

/** Start the reference relay from PORT and HOST; prints the URL it listens on. */
function main(): void {
  const port = Number(process.env.PORT ?? '0');
  const host = process.env.HOST ?? '127.0.0.1';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('okay');
  });
  // As in the package's own server.js: noServer, ws defaults (no permessage-deflate).
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(WS_PREFIX) || url.pathname.length === WS_PREFIX.length) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const docName = decodeURIComponent(url.pathname.slice(WS_PREFIX.length));
    wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
  });
  server.listen(port, host, () => {
    const addr = server.address();
    const boundPort = typeof addr === 'object' && addr ? addr.port : port;
    process.stdout.write(`reference @y/websocket-server is running: http://${host}:${boundPort}/\n`);
  });
  const stop = () => {
    for (const ws of wss.clients) ws.terminate();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
