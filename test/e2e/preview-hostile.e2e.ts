/// <reference lib="dom" />
import { createTestBucket, putObjects, type TestBucket } from '../support/s3-test-env';
import { expect, test } from './fixtures';
import { BrowserPage } from './pages/browser-page';
import { connectToGateway } from './pages/gateway-connection';

/** A one-page PDF that says "Hello PDF". */
const pdf = `%PDF-1.1
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 44>>stream
BT /F1 24 Tf 50 60 Td (Hello PDF) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF`;

/** What an attacker plants through an upload link with an open content type. */
const hostile = `<!doctype html><h1>planted</h1>
<img src=x onerror="alert('img')">
<script>
  alert('pwned');
  for (const target of [location.host, document.referrer && new URL(document.referrer).host]) {
    if (target) try { new WebSocket('ws://' + target + '/ws'); } catch {}
  }
  try { parent.document.title = 'owned'; } catch {}
  try { parent.postMessage('pwned', '*'); } catch {}
</script>`;

const hostileTypes = [
  'application/pdf;x=,text/html',
  'application/pdf;,text/html',
  'application/pdf, text/html',
  'application/pdf,text/html;charset=utf-8',
];

let testBucket: TestBucket;

test.beforeAll(async () => {
  const { gatewayFromState } = await import('../support/s3-test-env');
  testBucket = await createTestBucket(gatewayFromState(), 'e2e-hostile');
  await putObjects(testBucket.client, testBucket.bucket, [
    { key: 'public/docs/real.pdf', body: pdf, contentType: 'application/pdf' },
    ...hostileTypes.map((contentType, i) => ({ key: `public/docs/planted-${i}.pdf`, body: hostile, contentType })),
  ]);
});

test.afterAll(async () => {
  await testBucket.cleanup();
});

test('a planted object with a hostile Content-Type never runs script or reaches the app (issue 8)', async ({ page, app }) => {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  // Anything a frame asks of the app's own origin (its API, its pages).
  const fromFrames: string[] = [];
  page.on('request', (request) => {
    const frame = request.frame();
    if (frame !== page.mainFrame() && request.url().startsWith(app.origin)) fromFrames.push(request.url());
  });
  page.on('download', (download) => void download.cancel());
  await page.exposeFunction('recordMessage', (data: string) => alerts.push(`message: ${data}`));
  await page.evaluate(() =>
    window.addEventListener(
      'message',
      (event) => void (window as unknown as { recordMessage(d: string): Promise<void> }).recordMessage(String(event.data)),
    ),
  );

  await connectToGateway(page, app);
  const browser = new BrowserPage(page);
  await browser.openBucket(testBucket.bucket);
  await browser.openRoot('public');
  await browser.openFolder('public/docs/');

  // A real PDF still previews, framed from the preview origin, never the app's own.
  await browser.row('public/docs/real.pdf').dblclick();
  const frameElement = page.getByTestId('preview-dialog').getByTestId('preview-pdf');
  await expect(frameElement).toBeVisible();
  const realUrl = (await frameElement.getAttribute('src')) ?? '';
  expect(new URL(realUrl).origin).not.toBe(app.origin);
  await expect
    .poll(
      async () =>
        (
          await page
            .frames()
            .find((f) => f.url() === realUrl)
            ?.content()
        )?.includes('pdf') ?? false,
    )
    .toBe(true);
  await page.keyboard.press('Escape');

  for (let i = 0; i < hostileTypes.length; i++) {
    const key = `public/docs/planted-${i}.pdf`;
    // The app offers no preview for it: the same parser the route uses refused the type.
    await browser.row(key).dblclick();
    await expect(page.getByTestId('preview-dialog').getByTestId('preview-none')).toBeVisible();
    await expect(page.getByTestId('preview-dialog').getByTestId('preview-pdf')).toHaveCount(0);
    await page.keyboard.press('Escape');

    // And the route itself, framed as an attacker would, serves bytes to save, sandboxed.
    const plantedUrl = realUrl.replace(/([?&]k=)[^&]*/, `$1${encodeURIComponent(key)}`);
    const response = await page.request.get(plantedUrl);
    expect(response.headers()['content-type']).toBe('application/octet-stream');
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    await page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      const loaded = new Promise((resolve) => {
        frame.onload = resolve;
        setTimeout(resolve, 3000);
      });
      document.body.append(frame);
      await loaded;
      frame.remove();
    }, plantedUrl);
  }

  expect(alerts).toEqual([]);
  expect(fromFrames).toEqual([]);
  // The app's own socket opened before we listened: no other was ever attempted.
  expect(sockets).toEqual([]);
  expect(await page.title()).not.toBe('owned');
});
