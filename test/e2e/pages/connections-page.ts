import { expect, type Locator, type Page } from '@playwright/test';

export interface KeysConnection {
  name: string;
  accessKeyId: string;
  secret: string;
  endpoint?: string;
  region?: string;
  pathStyle?: boolean;
  checksumCompatibility?: boolean;
  /** The transfer engine to choose; left at the form's default when absent. */
  transferEngine?: 'fast' | 'sdk';
  bucket?: string;
}

/** The connections sidebar and its form, as a user sees them. */
export class ConnectionsPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('connection-form');
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="connection-item"][data-connection-name="${name}"]`);
  }

  /** Opens the form and fills it in; the caller tests and/or saves. */
  async fill(c: KeysConnection): Promise<void> {
    await this.page.getByTestId('connection-add').click();
    await expect(this.form).toBeVisible();
    await this.form.getByTestId('field-name').fill(c.name);
    await this.form.getByTestId('field-source-keys').check();
    await this.form.getByTestId('field-access-key-id').fill(c.accessKeyId);
    await this.form.getByTestId('field-secret').fill(c.secret);
    if (c.region) await this.form.getByTestId('field-region').fill(c.region);
    if (c.endpoint) await this.form.getByTestId('field-endpoint').fill(c.endpoint);
    await this.form.getByTestId('field-path-style').setChecked(c.pathStyle ?? false);
    await this.form.getByTestId('field-checksum-compat').setChecked(c.checksumCompatibility ?? false);
    if (c.transferEngine) await this.form.getByTestId('field-transfer-engine').selectOption(c.transferEngine);
    if (c.bucket) await this.form.getByTestId('field-bucket').fill(c.bucket);
  }

  /** Presses "Test connection" and returns the result element once it has an answer. */
  async test(): Promise<Locator> {
    await this.form.getByTestId('connection-test').click();
    const result = this.form.getByTestId('connection-test-result');
    await expect(result).toHaveAttribute('data-ok', /true|false/);
    return result;
  }

  async save(): Promise<void> {
    await this.form.getByTestId('connection-save').click();
    await expect(this.form).toBeHidden();
  }

  async add(c: KeysConnection): Promise<void> {
    await this.fill(c);
    await this.save();
    await expect(this.item(c.name)).toBeVisible();
  }
}
