/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test';

/** A file to drop, built in the page from bytes read in Node. */
export interface DropFile {
  relativePath: string;
  base64: string;
}

/** The Upload… button, the confirm sheet, drops, and the transfers panel, as a user sees them. */
export class TransfersPage {
  constructor(private readonly page: Page) {}

  get sheet(): Locator {
    return this.page.getByTestId('upload-sheet');
  }

  get plan(): Locator {
    return this.sheet.getByTestId('upload-plan');
  }

  get panel(): Locator {
    return this.page.getByTestId('transfers-panel');
  }

  /** The newest batch row in the panel. */
  get latestBatch(): Locator {
    return this.panel.getByTestId('transfer-batch').first();
  }

  item(name: string): Locator {
    return this.panel.locator(`[data-testid="transfer-item"][data-name="${name}"]`);
  }

  /** Upload… → Folder…, answering the browser's picker with a real directory. */
  async uploadFolder(dir: string): Promise<void> {
    await this.page.getByTestId('upload-button').click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('upload-pick-folder').click();
    await (await chooser).setFiles(dir);
  }

  /** Upload… → Files…, answering the browser's picker with real files. */
  async uploadFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('upload-button').click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('upload-pick-files').click();
    await (await chooser).setFiles(paths);
  }

  /** The newest batch's progress in whole percent, as the panel shows it. */
  async batchPercent(): Promise<number> {
    return Number(await this.latestBatch.getByTestId('transfer-batch-bytes').getAttribute('data-percent'));
  }

  /**
   * Drops files on `target` the way the browser delivers an OS drop: dragenter/dragover, then drop,
   * with a DataTransfer built in the page. Relative paths ride as the explicit path list, since a
   * page cannot build directory entries.
   */
  async drop(target: Locator, files: readonly DropFile[]): Promise<void> {
    const data = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.relativePath.split('/').pop() ?? 'file'));
      }
      transfer.setData('application/x-bucket-admin-paths', JSON.stringify(list.map((f) => f.relativePath)));
      return transfer;
    }, files);
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
    await data.dispose();
  }

  /** Waits for the confirm sheet's review step and starts the upload. */
  async confirm(): Promise<void> {
    await expect(this.sheet).toHaveAttribute('data-step', 'review', { timeout: 60_000 });
    await this.sheet.getByTestId('upload-start').click();
    await expect(this.sheet).toBeHidden();
  }

  async openBatch(): Promise<void> {
    const toggle = this.latestBatch.getByTestId('transfer-batch-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}
