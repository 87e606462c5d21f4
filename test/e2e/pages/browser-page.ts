import { expect, type Locator, type Page } from '@playwright/test';

/** Buckets, the two roots, folder listings, the inspector and the context menu, as a user sees them. */
export class BrowserPage {
  constructor(private readonly page: Page) {}

  bucket(name: string): Locator {
    return this.page.locator(`[data-testid="bucket-item"][data-bucket="${name}"]`);
  }

  /** A row by its exact key (folders, objects and the marked roots). */
  row(key: string): Locator {
    return this.page.locator(`[role="row"][data-key=${cssString(key)}]`);
  }

  get breadcrumb(): Locator {
    return this.page.getByTestId('breadcrumb');
  }

  get grid(): Locator {
    return this.page.getByTestId('listing-grid');
  }

  get body(): Locator {
    return this.page.getByTestId('listing-body');
  }

  get status(): Locator {
    return this.page.getByTestId('listing-status');
  }

  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  get menu(): Locator {
    return this.page.getByTestId('context-menu');
  }

  menuItem(id: string): Locator {
    return this.page.getByTestId(`menu-${id}`);
  }

  async openBucket(name: string): Promise<void> {
    await this.bucket(name).click();
    await expect(this.page.getByTestId('root-public')).toBeVisible();
  }

  /** Opens a root the way a user does: double-click on its row. */
  async openRoot(which: 'public' | 'private'): Promise<void> {
    await this.page.getByTestId(`root-${which}`).dblclick();
    await expect(this.breadcrumb).toContainText(which);
  }

  async openFolder(key: string): Promise<void> {
    await this.row(key).dblclick();
    await this.expectFolder(key);
  }

  async expectFolder(prefix: string): Promise<void> {
    await expect(this.page.getByTestId('folder-view')).toHaveAttribute('data-prefix', prefix);
  }

  /** Waits until the folder is fully listed (no "Loading more…"). */
  async waitListed(): Promise<void> {
    await expect(this.status).not.toHaveAttribute('data-loading', 'true', { timeout: 120_000 });
    await expect(this.status).toHaveAttribute('data-total', /\d+/);
  }

  /** Keys of the selected rows that are rendered (virtualized: only rows near the viewport). */
  async selectedKeys(): Promise<string[]> {
    return this.page.locator('[role="row"][aria-selected="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
  }

  async focusedKey(): Promise<string | null> {
    const focused = this.page.locator('[role="row"][data-focused="true"]');
    return (await focused.count()) === 0 ? null : focused.getAttribute('data-key');
  }

  /** Keys of rendered rows in screen order. */
  async renderedKeys(): Promise<string[]> {
    return this.page.locator('[data-testid="listing-body"] [role="row"]').evaluateAll((rows) =>
      rows
        .map((r) => ({ key: r.getAttribute('data-key') ?? '', top: r.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((r) => r.key),
    );
  }

  async contextMenu(key: string): Promise<void> {
    await this.row(key).click({ button: 'right' });
    await expect(this.menu).toBeVisible();
  }

  async chooseFromMenu(key: string, item: string): Promise<void> {
    await this.contextMenu(key);
    await this.menuItem(item).click();
  }
}

/** A CSS string literal for any key (quotes, backslashes and control characters escaped). */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16)} `;
    else out += char;
  }
  return `${out}"`;
}
