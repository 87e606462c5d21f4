import { expect, type Page } from '@playwright/test';
import type { AppHarness } from '../fixtures';
import { ConnectionsPage } from './connections-page';

/** Adds a keys connection to the test gateway, opens it, and returns once its buckets show. */
export async function connectToGateway(page: Page, app: AppHarness, name = 'Local gateway'): Promise<void> {
  const connections = new ConnectionsPage(page);
  await connections.add({
    name,
    accessKeyId: app.gateway.accessKeyId,
    secret: app.gateway.secretAccessKey,
    endpoint: app.gateway.endpoint,
    pathStyle: true,
    checksumCompatibility: true,
  });
  await connections.item(name).click();
  await expect(page.getByRole('heading', { name: 'Buckets' })).toBeVisible();
}
