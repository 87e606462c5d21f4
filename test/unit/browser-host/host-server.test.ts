import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runBrowserHost } from '../../../src/main/browser-host/run-browser-host';
import { silentLogger } from '../../../src/main/core/logger';

type Host = Awaited<ReturnType<typeof runBrowserHost>>;
let host: Host;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bucket-admin-host-'));
  const staticDir = join(root, 'bundle');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the bundle');
  host = await runBrowserHost({ dataDir: join(root, 'data'), staticDir, logger: silentLogger });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens a socket and resolves with the first answer to one invoke, or the refusal. */
function invokeOver(url: string, origin: string, message: unknown): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => ws.send(JSON.stringify(message)));
    ws.on('message', (data) => {
      resolve((data as Buffer).toString("utf8"));
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.on('error', () => resolve('error'));
  });
}

describe('browser host', () => {
  it('serves the bundle only with the token, then by its HttpOnly cookie', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(403);
    const first = await fetch(host.url);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(first.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const again = await fetch(`${host.origin}/index.html`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(again.status).toBe(200);
  });

  it('never serves a file outside the bundle', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await fetch(`${host.origin}${path}?token=${host.token}`);
      expect(await res.text()).not.toContain('outside the bundle');
    }
  });

  it('answers the contract over the socket for its own origin with the token', async () => {
    const answer = await invokeOver(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, host.origin, { type: 'invoke', id: 7, channel: 'connections:list', input: {} });
    expect(JSON.parse(answer)).toEqual({ type: 'result', id: 7, result: { ok: true, value: [] } });
  });

  it('refuses a socket from another origin or without the token', async () => {
    const ws = host.origin.replace('http', 'ws');
    const msg = { type: 'invoke', id: 1, channel: 'connections:list', input: {} };
    expect(await invokeOver(`${ws}/ws?token=${host.token}`, 'http://evil.example', msg)).toBe('refused 403');
    expect(await invokeOver(`${ws}/ws`, host.origin, msg)).toBe('refused 403');
    expect(await invokeOver(`${ws}/ws?token=nope`, host.origin, msg)).toBe('refused 403');
  });

  it('answers an unknown channel with InvalidInput', async () => {
    const answer = await invokeOver(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, host.origin, { type: 'invoke', id: 2, channel: 'fs:readFile', input: { path: '/etc/passwd' } });
    expect(JSON.parse(answer)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'InvalidInput' } } });
  });
});
