import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
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

/**
 * Opens a socket, says hello with `hello` (the token, unless null), sends one message and
 * resolves with the first answer, the refusal, or the close code.
 */
function invokeOver(
  url: string,
  origin: string,
  message: unknown,
  hello: string | null = host.token,
  headers: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.on('open', () => {
      if (hello !== null) ws.send(JSON.stringify({ type: 'hello', token: hello }));
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    });
    ws.on('message', (data) => {
      resolve((data as Buffer).toString('utf8'));
      ws.close();
    });
    ws.on('close', (code) => resolve(`closed ${code}`));
    ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.on('error', () => resolve('error'));
  });
}

/** An HTTP GET with a chosen Host header (fetch cannot set one), as a DNS-rebinding page sends it. */
function statusWithHost(url: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
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
    const answer = await invokeOver(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, host.origin, {
      type: 'invoke',
      id: 7,
      channel: 'connections:list',
      input: {},
    });
    expect(JSON.parse(answer)).toEqual({ type: 'result', id: 7, result: { ok: true, value: [] } });
  });

  it('refuses a socket from another origin or without the token', async () => {
    const ws = host.origin.replace('http', 'ws');
    const msg = { type: 'invoke', id: 1, channel: 'connections:list', input: {} };
    expect(await invokeOver(`${ws}/ws?token=${host.token}`, 'http://evil.example', msg)).toBe('refused 403');
    expect(await invokeOver(`${ws}/ws`, host.origin, msg)).toBe('refused 403');
    expect(await invokeOver(`${ws}/ws?token=nope`, host.origin, msg)).toBe('refused 403');
  });

  it('opens the API only to a first message carrying the token, not to a replayed cookie', async () => {
    const ws = host.origin.replace('http', 'ws');
    const cookie = ((await fetch(host.url)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^bucket_admin_${new URL(host.origin).port}=`));
    const msg = { type: 'invoke', id: 3, channel: 'connections:list', input: {} };
    // The cookie gets the upgrade through, but without the token in `hello` nothing answers.
    expect(await invokeOver(`${ws}/ws`, host.origin, msg, null, { cookie })).toBe('closed 4401');
    expect(await invokeOver(`${ws}/ws`, host.origin, msg, 'wrong-token', { cookie })).toBe('closed 4401');
    expect(JSON.parse(await invokeOver(`${ws}/ws`, host.origin, msg, host.token, { cookie }))).toMatchObject({
      id: 3,
      result: { ok: true },
    });
  });

  it('refuses any other Host name (DNS rebinding), for pages and the socket', async () => {
    expect(await statusWithHost(host.url, 'rebind.example:80')).toBe(421);
    expect(await statusWithHost(host.url, `localhost:${new URL(host.origin).port}`)).toBe(421);
    expect(await statusWithHost(host.url, new URL(host.origin).host)).toBe(200);
    const msg = { type: 'invoke', id: 4, channel: 'connections:list', input: {} };
    expect(
      await invokeOver(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, host.origin, msg, host.token, {
        host: 'rebind.example',
      }),
    ).toBe('refused 403');
  });

  it('survives a message over the size limit: that socket closes with 1009, the host keeps answering', async () => {
    const ws = `${host.origin.replace('http', 'ws')}/ws?token=${host.token}`;
    const huge = JSON.stringify({ type: 'invoke', id: 5, channel: 'connections:list', input: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    expect(await invokeOver(ws, host.origin, huge)).toBe('closed 1009');
    const answer = await invokeOver(ws, host.origin, { type: 'invoke', id: 6, channel: 'connections:list', input: {} });
    expect(JSON.parse(answer)).toMatchObject({ id: 6, result: { ok: true } });
  });

  it('answers an unknown channel with InvalidInput', async () => {
    const answer = await invokeOver(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, host.origin, {
      type: 'invoke',
      id: 2,
      channel: 'fs:readFile',
      input: { path: '/etc/passwd' },
    });
    expect(JSON.parse(answer)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'InvalidInput' } } });
  });
});
