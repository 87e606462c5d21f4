/** What end-to-end tests wait for on #root: `data-app-state="ready"` before they touch anything. */
export type AppState = 'loading' | 'ready' | 'error';

export const appStateAttribute = 'data-app-state';

/** Mirrors the app state onto the root element, which index.html starts as "loading". */
export function setAppState(root: HTMLElement, state: AppState): void {
  root.setAttribute(appStateAttribute, state);
}
