// The layers of src/ (docs/ARCHITECTURE.md §2) as an allow-list for the `layers/imports` rule: each layer may
// import the folders in `may` and the packages in `packages`, nothing else. A folder or package
// not named here is refused, so a new dependency between layers is a decision made in this file.
// `dir` may name one file, which then has its own entry (the most specific `dir` wins).

const coreWhy =
  'The core is Electron-free and knows neither host (docs/ARCHITECTURE.md §2): take what you need through a port in the core (see SecretStore) and let the host wire it.';
const electronNames = {
  ipcMain: 'Serve channels through the typed binding in src/main/electron/ipc-binding.ts; never raw IPC.',
  ipcRenderer: 'ipcRenderer belongs to the preload; main uses the typed binding in src/main/electron/ipc-binding.ts.',
  shell: 'Open links with safeOpenExternal (src/main/electron/safe-open-external.ts), which lets only http(s) out.',
};
const without = (names, ...keys) => Object.fromEntries(Object.entries(names).filter(([name]) => !keys.includes(name)));

// The demo's local S3 server: the hosts start it and hand it to the core as a port (core/demo).
const demoGateway = 'src/main/local-gateway/demo-gateway'; // an import's path, without its extension

const shell = {
  may: ['src/main/electron', 'src/main/core', 'src/shared', demoGateway],
  why: 'The shell builds on the core and shared code only (docs/ARCHITECTURE.md §2); the browser host is a separate host.',
};
const shellPackages = (names) => ['node:*', { spec: 'electron', except: names }];

/** Folders of src/renderer/features: a feature imports no other feature (see `renderer` below). */
const features = {
  dir: 'src/renderer/features',
  // Modules that put features together; everything else outside features/ is shared by them.
  composers: ['src/renderer/app', 'src/renderer/main.tsx'],
  // Today's imports from one feature into another, allowed until they move (issue 9: the helpers
  // in features/browser are being moved out). Delete an entry when its import is gone; add none.
  exceptions: [
    { from: 'src/renderer/features/browser/Breadcrumb.tsx', to: 'src/renderer/features/upload/dropped-sources' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/folder-actions/FolderActionDialogs' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/inspector/InspectorPanel' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/preview/PreviewDialog' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/share/UploadLinkButton' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/share/use-share-menu' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/upload/UploadButton' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/upload/UploadProvider' },
    { from: 'src/renderer/features/browser/FolderView.tsx', to: 'src/renderer/features/upload/use-folder-drop' },
    { from: 'src/renderer/features/browser/folder-commands.ts', to: 'src/renderer/features/folder-actions/action-request' },
    { from: 'src/renderer/features/browser/use-folder-state.ts', to: 'src/renderer/features/folder-actions/action-request' },
    { from: 'src/renderer/features/inspector/ObjectInspector.tsx', to: 'src/renderer/features/preview/PreviewPane' },
    { from: 'src/renderer/features/inspector/ObjectInspector.tsx', to: 'src/renderer/features/share/ShareSection' },
    { from: 'src/renderer/features/inspector/SelectionInspector.tsx', to: 'src/renderer/features/folder-actions/MeasureSummary' },
    { from: 'src/renderer/features/inspector/SelectionInspector.tsx', to: 'src/renderer/features/folder-actions/use-measure' },
    { from: 'src/renderer/features/inspector/SelectionInspector.tsx', to: 'src/renderer/features/share/SelectionShareActions' },
    { from: 'src/renderer/features/ledger/LedgerTable.tsx', to: 'src/renderer/features/share/expiry-text' },
    { from: 'src/renderer/features/ledger/LedgerView.tsx', to: 'src/renderer/features/share/RevocationNote' },
    { from: 'src/renderer/features/ledger/LedgerView.tsx', to: 'src/renderer/features/share/share-queries' },
    { from: 'src/renderer/features/preview/PreviewDialog.tsx', to: 'src/renderer/features/inspector/use-details' },
    { from: 'src/renderer/features/upload/use-upload-flow.ts', to: 'src/renderer/features/transfers/panel-open' },
  ],
};

export const layers = [
  {
    name: 'src/shared',
    dir: 'src/shared',
    may: ['src/shared'],
    // mime/lite is a plain table (no Node, no DOM): the one extension → media type map for all sides.
    packages: ['zod', 'mime/lite'],
    why: 'src/shared is imported by main, the preload and the renderer alike: no Node, DOM or electron, and nothing else in src.',
  },
  {
    name: 'src/main/core',
    dir: 'src/main/core',
    may: ['src/main/core', 'src/shared'],
    // hyparquet: S3 Inventory's Parquet files (core/index/inventory), a pure-JS reader with no native parts.
    packages: ['node:*', '@aws-sdk/*', '@smithy/*', 'better-sqlite3', 'zod', 'mime', 'hyparquet'],
    why: coreWhy,
  },
  {
    name: 'src/main/browser-host',
    dir: 'src/main/browser-host',
    may: ['src/main/browser-host', 'src/main/core', 'src/shared', demoGateway],
    packages: ['node:*', 'ws'],
    why: 'The browser host serves the core to Chromium without Electron: the core, shared code and Node only.',
  },
  {
    name: 'src/main/local-gateway',
    dir: 'src/main/local-gateway',
    // A Ceph RADOS Gateway on loopback for the demo, the tests and the benches (TESTBED.md).
    may: ['src/main/local-gateway', 'src/main/core', 'src/shared'],
    packages: ['node:*', '@aws-sdk/*', '@smithy/*'],
    why: 'The local gateway runs a Ceph RADOS Gateway from Node: Node, the SDK and the core (its S3 client factory, the demo port), nothing of the hosts or the renderer.',
  },
  { name: 'src/main/electron', dir: 'src/main/electron', ...shell, packages: shellPackages(electronNames) },
  {
    name: 'src/main/electron',
    dir: 'src/main/electron/ipc-binding.ts',
    ...shell,
    packages: shellPackages(without(electronNames, 'ipcMain')),
  },
  {
    // Opens the app's own logs folder (`shell.openPath` of a path main chose, never one from the page).
    name: 'src/main/electron',
    dir: 'src/main/electron/reveal-folder.ts',
    ...shell,
    packages: shellPackages(without(electronNames, 'shell')),
  },
  {
    name: 'src/main/electron',
    dir: 'src/main/electron/safe-open-external.ts',
    ...shell,
    packages: shellPackages(without(electronNames, 'shell')),
  },
  {
    name: 'src/main/index.ts',
    dir: 'src/main/index.ts',
    may: ['src/main/electron'],
    packages: [],
    why: 'The Electron entry only starts src/main/electron.',
  },
  {
    name: 'src/preload',
    dir: 'src/preload',
    may: ['src/preload', 'src/shared'],
    packages: [
      {
        spec: 'electron',
        only: ['contextBridge', 'ipcRenderer', 'webUtils', 'webFrame', 'IpcRendererEvent'],
        why: "The preload runs in the renderer's sandbox: only Electron's renderer-side APIs.",
      },
    ],
    why: "The preload runs in the renderer's sandbox: Electron's renderer-side APIs and shared code, never main or Node.",
  },
  {
    name: 'src/renderer',
    dir: 'src/renderer',
    may: ['src/renderer', 'src/shared'],
    // echarts/*: the audit's charts (storage treemap, report bars), only the parts they draw
    // (features/audit/echarts-parts.ts), loaded lazily to keep them out of the main bundle.
    packages: ['react', 'react-dom/client', '@tanstack/*', '@radix-ui/*', 'lucide-react', '@vitejs/plugin-react/preamble', 'echarts/*'],
    why: 'The renderer is untrusted and sandboxed: no Node, Electron, AWS or main code; it reaches main only through the api client.',
    features,
  },
];
