import { expect, type Locator, type Page } from '@playwright/test';

/** The "Edit headers & access" dialog opened on a selection. */
export class BulkEditPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Edit headers & access' });
  }

  async openFromInspector(): Promise<void> {
    await this.page.getByTestId('selection-inspector').getByTestId('bulk-edit-open').click();
    await expect(this.dialog).toBeVisible();
  }

  async setCacheControl(value: string): Promise<void> {
    await this.dialog.getByTestId('bulk-cache-control').fill(value);
  }

  /** Runs the dry run and returns its result panel. */
  async dryRun(): Promise<Locator> {
    await this.dialog.getByTestId('bulk-dry-run').click();
    const result = this.dialog.getByTestId('bulk-dry-run-result');
    await expect(result).toBeVisible();
    return result;
  }

  async runToEnd(): Promise<void> {
    await this.dialog.getByTestId('bulk-run').click();
    await expect(this.dialog.getByTestId('job-progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('bulk-close').click();
    await expect(this.dialog).toBeHidden();
  }
}
