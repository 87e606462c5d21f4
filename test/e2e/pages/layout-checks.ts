import { expect, type Locator } from '@playwright/test';

/** A rectangle on screen, as getBoundingClientRect gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box; fails the test when it is not rendered. */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'element has a box on screen').not.toBeNull();
  return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** True when two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Asserts the element's text is shown whole: not cut off by an ellipsis or by its box. */
export async function expectNotTruncated(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const fit = await locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fit.scroll, `text fits its box (${fit.scroll} ≤ ${fit.client} px)`).toBeLessThanOrEqual(fit.client);
  expect(fit.client).toBeGreaterThan(0);
}
