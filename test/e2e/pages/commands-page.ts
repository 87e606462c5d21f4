import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl/Cmd+K), the shortcuts sheet (?) and About, as a user meets them. */
export class CommandsPage {
  constructor(private readonly page: Page) {}

  get palette(): Locator {
    return this.page.getByTestId('command-palette');
  }

  get paletteInput(): Locator {
    return this.page.getByTestId('palette-input');
  }

  paletteItem(id: string): Locator {
    return this.page.getByTestId(`palette-${id}`);
  }

  get sheet(): Locator {
    return this.page.getByTestId('shortcuts-sheet');
  }

  get about(): Locator {
    return this.page.getByTestId('about-sheet');
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.palette).toBeVisible();
  }

  /** Types into the palette and runs the highlighted command with Enter. */
  async run(query: string): Promise<void> {
    await this.openPalette();
    await this.paletteInput.fill(query);
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  /** The sheet's rows as `command id → shortcut labels`. */
  async sheetRows(): Promise<Record<string, string[]>> {
    return this.sheet
      .locator('[data-command]')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [r.getAttribute('data-command') ?? '', [...r.querySelectorAll('kbd')].map((k) => k.textContent)]),
        ),
      );
  }
}
