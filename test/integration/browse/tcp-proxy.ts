import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback TCP forwarder to the gateway that a test can cut, to play "the network went away". */
export interface TcpProxy {
  endpoint: string;
  port: number;
  /** Stops accepting and resets every open connection. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
}

export async function startTcpProxy(target: string, port = 0): Promise<TcpProxy> {
  const url = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server;
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(Number(url.port), url.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const bound = await listen(port);
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    port: bound,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.resetAndDestroy();
        server.close(() => resolve());
      }),
    restore: async () => {
      await listen(bound);
    },
  };
}
