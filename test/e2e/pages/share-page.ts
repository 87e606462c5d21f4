import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The share dialogs, the share toast, the clipboard and the "Shared links" view, as a user meets them. */
export class SharePage {
  constructor(private readonly page: Page) {}

  /** Lets the page read and write the clipboard (the browser host has no main-process clipboard). */
  static async allowClipboard(context: BrowserContext, origin: string): Promise<void> {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }

  get dialog(): Locator {
    return this.page.getByTestId('share-dialog');
  }

  get preview(): Locator {
    return this.dialog.getByTestId('share-preview');
  }

  get bulkDialog(): Locator {
    return this.page.getByTestId('bulk-links-dialog');
  }

  get uploadDialog(): Locator {
    return this.page.getByTestId('upload-link-dialog');
  }

  /** The newest share toast ("Link copied — expires …"). */
  get toast(): Locator {
    return this.page.getByTestId('share-toast').last();
  }

  get ledger(): Locator {
    return this.page.getByTestId('ledger-view');
  }

  ledgerRow(key: string): Locator {
    return this.ledger.locator(`[data-testid="ledger-row"][data-key="${key}"]`);
  }

  /** Picks a preset expiry and waits until the preview shows that duration. */
  async chooseExpiry(preset: '15m' | '1h' | '1d' | '7d', duration: string): Promise<void> {
    await this.dialog.getByTestId(`expiry-${preset}`).check();
    await expect(this.preview.getByTestId('share-duration')).toHaveText(duration);
    await expect(this.preview).toHaveAttribute('data-updating', 'false');
  }

  /** Presses Copy link in the dialog, waits for the toast to confirm and the link to show, then closes it with Done. */
  async copyFromDialog(): Promise<void> {
    await this.dialog.getByTestId('share-copy').click();
    await expect(this.toast).toContainText(/copied/i);
    await expect(this.dialog.getByTestId('share-url')).toBeVisible();
    await this.dialog.getByTestId('share-done').click();
    await expect(this.dialog).toBeHidden();
  }

  /** Reads the clipboard, waiting until it differs from `previous` (copies finish asynchronously). */
  async clipboardText(previous = ''): Promise<string> {
    let text = previous;
    await expect
      .poll(async () => {
        text = await this.page.evaluate(() => navigator.clipboard.readText());
        return text !== previous && text !== '';
      })
      .toBe(true);
    return text;
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  async openLedger(): Promise<void> {
    await this.page.getByTestId('nav-shared-links').click();
    await expect(this.ledger).toBeVisible();
  }
}

/** GET a URL from Node (no credentials, like the customer), with a bounded wait. */
export async function fetchText(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}

/** The lifetime a presigned URL asks S3 for, in seconds (X-Amz-Expires). */
export function expiresParam(url: string): string | null {
  return new URL(url).searchParams.get('X-Amz-Expires');
}
