import { describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Promise<Response>;

const electron = vi.hoisted(() => ({
  protocol: { handle: vi.fn<(scheme: string, handler: Handler) => void>(), registerSchemesAsPrivileged: vi.fn() },
}));
vi.mock('electron', () => electron);

const { appRoute, serveBundle } = await import('../../src/main/electron/app-protocol');

describe('the app: scheme', () => {
  it('serves the bundle on app://bundle and object bytes only on app://preview', () => {
    expect(appRoute(new URL('app://bundle/index.html'))).toBe('bundle');
    expect(appRoute(new URL('app://preview/__object?c=x'))).toBe('object');
    // Object bytes on the app's own origin would let a planted object reach bucketAdmin.
    expect(appRoute(new URL('app://bundle/__object?c=x'))).toBeNull();
    // The preview origin never serves the app itself.
    expect(appRoute(new URL('app://preview/index.html'))).toBeNull();
    expect(appRoute(new URL('app://other/index.html'))).toBeNull();
  });

  it('answers the preview route with CORS for the renderer only, and refuses the route on the app origin', async () => {
    const open = vi.fn(() => Promise.resolve({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'hi' }));
    serveBundle('/nonexistent-bundle', { open }, 'app://bundle');
    const handler = electron.protocol.handle.mock.calls[0]?.[1];
    if (!handler) throw new Error('no protocol handler registered');
    const preview = await handler(new Request('app://preview/__object?c=x'));
    expect(preview.headers.get('access-control-allow-origin')).toBe('app://bundle');
    expect(await preview.text()).toBe('hi');
    expect((await handler(new Request('app://preview/__object', { method: 'OPTIONS' }))).status).toBe(204);
    expect((await handler(new Request('app://bundle/__object?c=x'))).status).toBe(404);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
