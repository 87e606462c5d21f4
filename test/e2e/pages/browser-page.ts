import { expect, type Locator, type Page } from '@playwright/test';

/** Buckets, the two roots and folder listings. */
export class BrowserPage {
  constructor(private readonly page: Page) {}

  bucket(name: string): Locator {
    return this.page.locator(`[data-testid="bucket-item"][data-bucket="${name}"]`);
  }

  row(key: string): Locator {
    return this.page.locator(`[data-testid="folder-row"][data-key="${key}"], [data-testid="object-row"][data-key="${key}"]`);
  }

  get breadcrumb(): Locator {
    return this.page.getByTestId('breadcrumb');
  }

  async openBucket(name: string): Promise<void> {
    await this.bucket(name).click();
    await expect(this.page.getByTestId('root-public')).toBeVisible();
  }

  async openRoot(which: 'public' | 'private'): Promise<void> {
    await this.page.getByTestId(`root-${which}`).click();
    await expect(this.breadcrumb).toContainText(which);
  }
}
