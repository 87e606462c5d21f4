import { describe, expect, it } from 'vitest';
import { createWsTransport, parseServerMessage, type SocketConnection, type SocketHandlers } from '../../../src/renderer/api/transport-ws';
import { closeCodes } from '../../../src/shared/wire';

/** What the fake socket saw: `hello` or `invoke` messages. */
type Sent = { type: string; id?: number; channel?: string; token?: string };

/** A socket we drive by hand: records what was sent and lets the test open, answer and close it. */
function fakeSocket() {
  const sent: Sent[] = [];
  let handlers: SocketHandlers | undefined;
  let closed = false;
  const connect = (h: SocketHandlers): SocketConnection => {
    handlers = h;
    return {
      send: (data) => sent.push(JSON.parse(data) as Sent),
      close: () => {
        closed = true;
      },
    };
  };
  const h = () => {
    if (!handlers) throw new Error('not connected');
    return handlers;
  };
  return {
    connect,
    sent,
    isClosed: () => closed,
    open: () => h().onOpen(),
    close: (code?: number) => h().onClose(code),
    receive: (message: unknown) => h().onMessage(JSON.stringify(message)),
  };
}

describe('createWsTransport', () => {
  it('queues calls until the socket opens, then sends them in order', () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    void transport.invoke('app:info', {});
    void transport.invoke('connections:list', {});
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent.map((m) => [m.id, m.channel])).toEqual([
      [1, 'app:info'],
      [2, 'connections:list'],
    ]);
  });

  it('sends the token as its first message when it has one, before any queued call', () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect, { token: 'tok-123' });
    void transport.invoke('app:info', {});
    socket.open();
    expect(socket.sent.map((m) => m.type)).toEqual(['hello', 'invoke']);
    expect(socket.sent[0]?.token).toBe('tok-123');
  });

  it('says why the host closed the socket: a message too large, or a token it refused', async () => {
    for (const [code, expected] of [
      [closeCodes.tooBig, 'InvalidInput'],
      [closeCodes.unauthorized, 'AccessDenied'],
      [1006, 'Offline'],
    ] as const) {
      const socket = fakeSocket();
      const transport = createWsTransport(socket.connect, { token: 't' });
      socket.open();
      const pending = transport.invoke('app:info', {});
      socket.close(code);
      for (const result of [await pending, await transport.invoke('app:info', {})]) {
        expect(result.ok ? 'ok' : result.error.code).toBe(expected);
      }
    }
  });

  it('pairs results with their calls by id, whatever order they come back in', async () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    socket.open();
    const first = transport.invoke('app:info', {});
    const second = transport.invoke('connections:list', {});
    const [a, b] = socket.sent;
    socket.receive({ type: 'result', id: b?.id, result: { ok: true, value: ['list'] } });
    socket.receive({ type: 'result', id: a?.id, result: { ok: false, error: { code: 'Internal', message: 'boom' } } });
    await expect(second).resolves.toEqual({ ok: true, value: ['list'] });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'Internal', message: 'boom' } });
  });

  it('answers pending and later calls with Offline once the socket closes', async () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    const queued = transport.invoke('app:info', {});
    socket.open();
    const pending = transport.invoke('connections:list', {});
    socket.close();
    for (const result of [await queued, await pending, await transport.invoke('app:info', {})]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('Offline');
    }
    expect(transport.state).toBe('closed');
  });

  it('is closed and answers Offline when the socket cannot even be created', async () => {
    const transport = createWsTransport(() => {
      throw new Error('blocked');
    });
    const result = await transport.invoke('app:info', {});
    expect(result.ok ? 'ok' : result.error.code).toBe('Offline');
  });

  it('gives up with Offline when the socket never opens', async () => {
    const socket = fakeSocket();
    let fire: (() => void) | undefined;
    const transport = createWsTransport(socket.connect, {
      openTimeoutMs: 5000,
      setTimer: (run) => (fire = run),
      clearTimer: () => undefined,
    });
    const call = transport.invoke('app:info', {});
    fire?.();
    const result = await call;
    expect(result.ok ? 'ok' : result.error.code).toBe('Offline');
    expect(socket.isClosed()).toBe(true);
  });

  it('ignores results for unknown ids and malformed messages', async () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    socket.open();
    const call = transport.invoke('app:info', {});
    socket.receive({ type: 'result', id: 999, result: { ok: true, value: 1 } });
    socket.receive({ type: 'result', id: 1, result: { nope: true } });
    socket.receive('not an object');
    socket.receive({ type: 'result', id: 1, result: { ok: true, value: 'info' } });
    await expect(call).resolves.toEqual({ ok: true, value: 'info' });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    socket.open();
    const seen: unknown[] = [];
    const unsubscribe = transport.subscribe('jobs:progress', (p) => seen.push(p));
    socket.receive({ type: 'event', event: 'jobs:progress', payload: { jobId: 'a', kind: 'finished' } });
    unsubscribe();
    socket.receive({ type: 'event', event: 'jobs:progress', payload: { jobId: 'b', kind: 'finished' } });
    expect(seen).toEqual([{ jobId: 'a', kind: 'finished' }]);
  });

  it('close() shuts the socket and fails what is pending', async () => {
    const socket = fakeSocket();
    const transport = createWsTransport(socket.connect);
    socket.open();
    const pending = transport.invoke('app:info', {});
    transport.close();
    expect(socket.isClosed()).toBe(true);
    expect((await pending).ok).toBe(false);
  });
});

describe('parseServerMessage', () => {
  it('rejects results whose error lacks a code or message', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'result', id: 1, result: { ok: false, error: {} } }))).toBeNull();
    expect(parseServerMessage('{')).toBeNull();
  });
});
