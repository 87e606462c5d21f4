import { expect, type Locator, type Page } from '@playwright/test';

/** The bucket health panel, as a user sees it: its answers, the fixes with their previews, undo. */
export class BucketHealthPage {
  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('bucket-health');
  }

  get publicAnswer(): Locator {
    return this.panel.getByTestId('health-public-answer');
  }

  get privateAnswer(): Locator {
    return this.panel.getByTestId('health-private-answer');
  }

  get preview(): Locator {
    return this.panel.getByTestId('health-preview');
  }

  /** Opens the panel of the open bucket and waits for its answer. */
  async open(): Promise<void> {
    await this.page.getByTestId('bucket-health-open').click();
    await expect(this.publicAnswer).toBeVisible();
  }

  /** Shows the preview of one fix (`publicReadPolicy`, `abortIncompleteUploads`, `uploadCors`). */
  async previewFix(kind: string): Promise<void> {
    await this.panel.getByTestId(`health-fix-${kind}`).getByTestId('health-fix-preview').click();
    await expect(this.preview).toBeVisible();
  }

  /** Confirms the previewed fix and waits for the preview to close. */
  async applyPreviewed(): Promise<void> {
    await this.preview.getByTestId('health-fix-apply').click();
    await expect(this.preview).toBeHidden();
  }

  /** Undoes an applied fix, confirming it. */
  async undo(kind: string): Promise<void> {
    const entry = this.panel.getByTestId(`health-undo-${kind}`);
    await entry.getByTestId('health-undo').click();
    await entry.getByTestId('health-undo-confirm').click();
    await expect(entry).toBeHidden();
  }
}
