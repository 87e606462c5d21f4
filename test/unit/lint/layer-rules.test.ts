import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The fences of eslint.config.mjs, fed what they must refuse and what they must let through, at
 * paths in each layer. Type-checked rules are switched off (the fences are syntactic, and the
 * snippets are not files of the project); only the fence rules are run.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fenceRules = new Set(['layers/imports', 'no-restricted-syntax']);
const untyped: Linter.Config = {
  files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
  ...tseslint.configs.disableTypeChecked,
};

function linter(extra: Linter.Config[] = []): ESLint {
  return new ESLint({ cwd: root, overrideConfig: [untyped, ...extra], ruleFilter: ({ ruleId }) => fenceRules.has(ruleId) });
}

interface Refusal {
  ruleId: string | null;
  message: string;
}

async function refusals(eslint: ESLint, file: string, code: string): Promise<Refusal[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  if (!result) throw new Error(`ESLint returned nothing for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

let eslint: ESLint;
beforeAll(() => {
  eslint = linter();
});

// [file, code, rule, words the message must contain]
type Banned = [string, string, string, string];

const core = 'src/main/core/transfers/example.ts';
const shared = 'src/shared/model/example.ts';
const renderer = 'src/renderer/features/share/Example.tsx';
const host = 'src/main/browser-host/example.ts';
const shell = 'src/main/electron/example.ts';
const preload = 'src/preload/example.ts';

const bannedImports: Banned[] = [
  // electron and its sub-paths outside the shell
  [core, "import { app } from 'electron/main';", 'layers/imports', "src/main/core may not import 'electron/main'"],
  [core, "import { app } from 'electron';", 'layers/imports', "src/main/core may not import 'electron'"],
  [core, "import type { BrowserWindow } from 'electron';", 'layers/imports', "may not import 'electron'"],
  [core, "export { app } from 'electron';", 'layers/imports', "may not import 'electron'"],
  [core, "export async function f() { return import('electron'); }", 'layers/imports', "may not import 'electron'"],
  [core, "export type W = import('electron').BrowserWindow;", 'layers/imports', "may not import 'electron'"],
  [core, "import electron = require('electron');\nexport default electron;", 'layers/imports', "may not import 'electron'"],
  [shared, "import { app } from 'electron/main';", 'layers/imports', "src/shared may not import 'electron/main'"],
  [host, "import { app } from 'electron/main';", 'layers/imports', "src/main/browser-host may not import 'electron/main'"],
  [renderer, "import { ipcRenderer } from 'electron/renderer';", 'layers/imports', "src/renderer may not import 'electron/renderer'"],
  [shell, "import { app } from 'electron/main';", 'layers/imports', "src/main/electron may not import 'electron/main'"],
  // the core by relative path into a host
  [core, "import { startApp } from '../../electron/main';", 'layers/imports', 'src/main/core may not import src/main/electron'],
  [
    core,
    "import { startHost } from '../../browser-host/host-server';",
    'layers/imports',
    'src/main/core may not import src/main/browser-host',
  ],
  [
    'src/main/core/router.ts',
    "import { x } from '../browser-host/cli';",
    'layers/imports',
    'src/main/core may not import src/main/browser-host',
  ],
  [core, "import { App } from '../../../renderer/app/App';", 'layers/imports', 'src/main/core may not import src/renderer'],
  [core, "import '../../../preload/index';", 'layers/imports', 'src/main/core may not import src/preload'],
  [host, "import { startApp } from '../electron/main';", 'layers/imports', 'src/main/browser-host may not import src/main/electron'],
  // the renderer
  [renderer, "import { api } from '../../../preload/index';", 'layers/imports', 'src/renderer may not import src/preload'],
  [renderer, "import { createRouter } from '../../../main/core/router';", 'layers/imports', 'src/renderer may not import src/main/core'],
  [renderer, "import { readFile } from 'node:fs/promises';", 'layers/imports', "src/renderer may not import 'node:fs/promises'"],
  [renderer, "import { S3Client } from '@aws-sdk/client-s3';", 'layers/imports', "src/renderer may not import '@aws-sdk/client-s3'"],
  [renderer, "import Database from 'better-sqlite3';", 'layers/imports', "src/renderer may not import 'better-sqlite3'"],
  // shared
  [shared, "import { EventEmitter } from 'events';", 'layers/imports', "Import Node's 'events' as 'node:events'"],
  [shared, "import { Readable } from 'stream';", 'layers/imports', "Import Node's 'stream' as 'node:stream'"],
  [shared, "import { EventEmitter } from 'node:events';", 'layers/imports', "src/shared may not import 'node:events'"],
  [shared, "import { useState } from 'react';", 'layers/imports', "src/shared may not import 'react'"],
  [shared, "import type { Logger } from '../../main/core/logger';", 'layers/imports', 'src/shared may not import src/main/core'],
  [shared, "import { api } from '../../renderer/api/client';", 'layers/imports', 'src/shared may not import src/renderer'],
  // the preload, which had the rules switched off
  [preload, "import { createRouter } from '../main/core/router';", 'layers/imports', 'src/preload may not import src/main/core'],
  [preload, "import { readFile } from 'node:fs/promises';", 'layers/imports', "src/preload may not import 'node:fs/promises'"],
  [preload, "import { ipcMain } from 'electron';", 'layers/imports', "src/preload may not import ipcMain from 'electron'"],
  [preload, "import * as electron from 'electron';", 'layers/imports', "src/preload may not import everything from 'electron'"],
  [preload, "import { shell } from 'electron';", 'layers/imports', "src/preload may not import shell from 'electron'"],
  // the shell: raw IPC and shell only in their one file, never the browser host or the renderer
  [shell, "import { ipcMain } from 'electron';", 'layers/imports', "src/main/electron may not import ipcMain from 'electron'"],
  [shell, "import { shell } from 'electron';", 'layers/imports', 'safeOpenExternal'],
  [shell, "import * as electron from 'electron';", 'layers/imports', "may not import everything from 'electron'"],
  ['src/main/electron/ipc-binding.ts', "import { shell } from 'electron';", 'layers/imports', "may not import shell from 'electron'"],
  [
    'src/main/electron/safe-open-external.ts',
    "import { ipcMain } from 'electron';",
    'layers/imports',
    "may not import ipcMain from 'electron'",
  ],
  [
    shell,
    "import { startHost } from '../browser-host/host-server';",
    'layers/imports',
    'src/main/electron may not import src/main/browser-host',
  ],
  [shell, "import { App } from '../../renderer/app/App';", 'layers/imports', 'src/main/electron may not import src/renderer'],
  [
    'src/main/index.ts',
    "import { createRouter } from './core/router';",
    'layers/imports',
    'src/main/index.ts may not import src/main/core',
  ],
  // built-ins without node:, anywhere
  [core, "import path from 'path';", 'layers/imports', "as 'node:path'"],
  [core, "import { readFile } from 'fs/promises';", 'layers/imports', "as 'node:fs/promises'"],
  ['test/unit/example.test.ts', "import { readFile } from 'fs/promises';", 'layers/imports', "as 'node:fs/promises'"],
  ['scripts/example.ts', "const fs = require('fs');\nexport default fs;", 'layers/imports', "as 'node:fs'"],
  // a folder of src in no layer
  ['src/main/stray.ts', "import { x } from './core/router';", 'layers/imports', 'is in no layer'],
  // features
  [renderer, "import { useConnections } from '../connections/use-connections';", 'layers/imports', 'may not import another feature'],
  [
    'src/renderer/features/share/deep/Example.tsx',
    "import { Row } from '../../browser/ListingRowView';",
    'layers/imports',
    'may not import another feature',
  ],
  [
    'src/renderer/ui/Example.tsx',
    "import { x } from '../features/share/expiry-text';",
    'layers/imports',
    'shared by the features and may not import one',
  ],
  ['src/renderer/api/example.ts', "import { x } from '../features/browser/browse-query-keys';", 'layers/imports', 'may not import one'],
];

const bannedCalls: Banned[] = [
  [
    shell,
    "declare const shell: { openExternal(u: string): Promise<void> };\nvoid shell.openExternal('https://x.example');",
    'no-restricted-syntax',
    'safeOpenExternal',
  ],
  [
    shell,
    'declare const shell: { openExternal(u: string): Promise<void> };\nexport const { openExternal } = shell;',
    'no-restricted-syntax',
    'safeOpenExternal',
  ],
  [
    core,
    "declare const os: { openExternal(u: string): void };\nos.openExternal('https://x.example');",
    'no-restricted-syntax',
    'safeOpenExternal',
  ],
  [
    preload,
    "declare const s: { openExternal(u: string): void };\ns.openExternal('file:///etc/passwd');",
    'no-restricted-syntax',
    'safeOpenExternal',
  ],
  [
    shell,
    "declare const win: { webContents: { send(c: string, p: unknown): void } };\nwin.webContents.send('transfers:progress', {});",
    'no-restricted-syntax',
    'ipc-binding.ts',
  ],
  [
    shell,
    "declare const contents: { send(c: string, p: unknown): void };\ncontents.send('x', 1);",
    'no-restricted-syntax',
    'ipc-binding.ts',
  ],
  [shell, "declare const event: { sender: { send(c: string): void } };\nevent.sender.send('x');", 'no-restricted-syntax', 'ipc-binding.ts'],
  [shell, "declare const w: { send(c: string): void };\nw.send('x');", 'no-restricted-syntax', 'ipc-binding.ts'],
  [
    core,
    "declare const win: { webContents: { send(c: string): void } };\nwin.webContents.send('x');",
    'no-restricted-syntax',
    'ipc-binding.ts',
  ],
  [
    'src/main/electron/safe-open-external.ts',
    "declare const contents: { send(c: string): void };\ncontents.send('x');",
    'no-restricted-syntax',
    'ipc-binding.ts',
  ],
  [
    'src/main/electron/ipc-binding.ts',
    "declare const shell: { openExternal(u: string): void };\nshell.openExternal('x');",
    'no-restricted-syntax',
    'safeOpenExternal',
  ],
];

const allowed: [string, string][] = [
  [
    core,
    "import { readFile } from 'node:fs/promises';\nimport { S3Client } from '@aws-sdk/client-s3';\nimport { HttpRequest } from '@smithy/core/protocols';\nimport Database from 'better-sqlite3';\nimport { z } from 'zod';\nimport mime from 'mime';\nexport { readFile, S3Client, HttpRequest, Database, z, mime };",
  ],
  [
    core,
    "import { AppError } from '../../../shared/errors';\nimport { createS3Client } from '../s3/client-factory';\nexport { AppError, createS3Client };",
  ],
  [core, 'declare const client: { send(c: unknown): Promise<unknown> };\nexport const sent = client.send({});'],
  [
    host,
    "import { WebSocketServer } from 'ws';\nimport { createServer } from 'node:http';\nimport { createRouter } from '../core/router';\nimport { channelNames } from '../../shared/contract';\nexport { WebSocketServer, createServer, createRouter, channelNames };",
  ],
  [
    shell,
    "import { app, BrowserWindow, type WebContents } from 'electron';\nimport { createAppCore } from '../core/app-core';\nimport { channelNames } from '../../shared/contract';\nimport { safeOpenExternal } from './safe-open-external';\nexport type { WebContents };\nexport { app, BrowserWindow, createAppCore, channelNames, safeOpenExternal };",
  ],
  [
    'src/main/electron/ipc-binding.ts',
    "import { ipcMain, type WebContents } from 'electron';\ndeclare const contents: WebContents;\ncontents.send('transfers:progress', {});\nexport { ipcMain };",
  ],
  [
    'src/main/electron/safe-open-external.ts',
    "import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);",
  ],
  ['src/main/index.ts', "import { startApp } from './electron/main';\nstartApp();"],
  [
    preload,
    "import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';\nimport { buildApi } from '../shared/api-surface';\nexport type { IpcRendererEvent };\nexport { contextBridge, ipcRenderer, webUtils, buildApi };",
  ],
  [
    renderer,
    "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { useQuery } from '@tanstack/react-query';\nimport * as Dialog from '@radix-ui/react-dialog';\nimport { X } from 'lucide-react';\nexport { useState, createRoot, useQuery, Dialog, X };",
  ],
  [
    renderer,
    "import { Button } from '../../ui/Button';\nimport { api } from '../../api/client';\nimport { formatBytes } from '../../format/format-bytes';\nimport { channelNames } from '../../../shared/contract';\nimport { expiryText } from './expiry-text';\nexport { Button, api, formatBytes, channelNames, expiryText };",
  ],
  [
    'src/renderer/app/Example.tsx',
    "import { BrowserPane } from '../features/browser/BrowserPane';\nimport { ShareProvider } from '../features/share/ShareProvider';\nexport { BrowserPane, ShareProvider };",
  ],
  [shared, "import { z } from 'zod';\nimport { AppError } from '../errors';\nexport { z, AppError };"],
  [
    'test/unit/example.test.ts',
    "import { app } from 'electron';\nimport { readFile } from 'node:fs/promises';\nimport { startApp } from '../../src/main/electron/main';\nexport { app, readFile, startApp };",
  ],
];

describe('layer fences (eslint.config.mjs)', () => {
  it.each([...bannedImports, ...bannedCalls])('%s refuses %s', async (file, code, rule, words) => {
    const found = await refusals(eslint, file, code);
    expect(
      found
        .filter((r) => r.ruleId === rule)
        .map((r) => r.message)
        .join('\n'),
    ).toContain(words);
  });

  it.each(allowed)('%s allows %s', async (file, code) => {
    expect(await refusals(eslint, file, code)).toEqual([]);
  });
});

describe('feature exceptions', () => {
  // A table with one exception, so the test does not depend on today's list.
  let withException: ESLint;
  beforeAll(async () => {
    const url = pathToFileURL(join(root, 'eslint/layers.mjs')).href;
    const { layers } = (await import(url)) as { layers: { name: string; features?: Record<string, unknown> }[] };
    const table = layers.map((l) =>
      l.features
        ? {
            ...l,
            features: { ...l.features, exceptions: [{ from: 'src/renderer/features/alpha/A.tsx', to: 'src/renderer/features/beta/b' }] },
          }
        : l,
    );
    withException = linter([{ rules: { 'layers/imports': ['error', { srcDir: 'src', layers: table }] } }]);
  });

  it('lets the listed import through and no other', async () => {
    expect(await refusals(withException, 'src/renderer/features/alpha/A.tsx', "import { b } from '../beta/b';\nexport { b };")).toEqual([]);
    const other = await refusals(
      withException,
      'src/renderer/features/alpha/A.tsx',
      "import { b } from '../beta/b';\nimport { c } from '../beta/c';\nexport { b, c };",
    );
    expect(other.map((r) => r.message)).toEqual([expect.stringContaining('../beta/c is in src/renderer/features/beta')]);
  });

  it('asks for an exception to be deleted once its import is gone', async () => {
    const found = await refusals(withException, 'src/renderer/features/alpha/A.tsx', 'export const a = 1;');
    expect(found.map((r) => r.message)).toEqual([expect.stringContaining('delete that entry')]);
  });
});
