/**
 * The few parts of electron-builder (its app-builder-lib) that check a configuration without
 * building: config loading, schema validation, icon resolution and file matching. They are not
 * in its public index, so they are loaded by path from electron-builder's own dependency and
 * typed here; a future electron-builder that moves them fails loudly in `npm run check:builder`.
 */
import { createRequire } from 'node:module';
import type { Configuration } from 'electron-builder';

const fromProject = createRequire(import.meta.url);
/** Resolves modules the way electron-builder itself does, so we get the app-builder-lib it runs. */
const fromBuilder = createRequire(fromProject.resolve('electron-builder/package.json'));

/** The slice of builder-util's DebugLogger validation uses. */
interface DebugLoggerLike {
  readonly isEnabled: boolean;
  add(key: string, value: unknown): void;
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: DebugLoggerLike): Promise<void>;
}

/** What `convertIcon` answers: the icon files it would use, and whether it fell back to Electron's. */
export interface ResolvedIcons {
  icons: Array<{ file: string; size: number }>;
  isFallback: boolean;
}

interface IconConverterModule {
  convertIcon(options: {
    sources: string[];
    fallbackSources: string[];
    roots: string[];
    format: 'icns' | 'ico' | 'set';
    outDir: string;
  }): Promise<ResolvedIcons>;
}

/** A file filter as electron-builder applies it while copying; stat may carry `moduleFullFilePath`. */
export type BuilderFileFilter = (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }) => boolean;

interface FileMatcherInstance {
  createFilter(): BuilderFileFilter;
}

interface PlistModule {
  parsePlistFile(file: string): Promise<unknown>;
}

interface FileMatcherModule {
  FileMatcher: new (from: string, to: string, macroExpander: (pattern: string) => string, patterns?: string[]) => FileMatcherInstance;
}

const noDebug: DebugLoggerLike = { isEnabled: false, add: () => undefined };

/** electron-builder's configuration for `projectDir`, read as `electron-builder` would read it. */
export function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  return (fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule).getConfig(projectDir, null, null);
}

/** electron-builder's own validation (its JSON schema and deprecation checks); throws with its message. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return (fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule).validateConfiguration(config, noDebug);
}

/** electron-builder's icon resolution (the step before any conversion), for one output format. */
export function convertIcon(...args: Parameters<IconConverterModule['convertIcon']>): Promise<ResolvedIcons> {
  return (fromBuilder('app-builder-lib/out/util/iconConverter') as IconConverterModule).convertIcon(...args);
}

/** A filter built by electron-builder's FileMatcher from `patterns`, relative to `from`. */
export function fileFilter(from: string, patterns: string[], macroExpander: (pattern: string) => string): BuilderFileFilter {
  const { FileMatcher } = fromBuilder('app-builder-lib/out/fileMatcher') as FileMatcherModule;
  return new FileMatcher(from, from, macroExpander, patterns).createFilter();
}

/** A plist parsed by the parser electron-builder uses for Info.plist and entitlements. */
export function parsePlistFile(file: string): Promise<unknown> {
  return (fromBuilder('app-builder-lib/out/util/plist') as PlistModule).parsePlistFile(file);
}

interface AsarModule {
  listPackage(archivePath: string, options: { isPack: boolean }): string[];
  extractFile(archivePath: string, filename: string): Buffer;
}

/** @electron/asar as electron-builder packs with it (app-builder-lib's own dependency). */
function asar(): AsarModule {
  return createRequire(fromBuilder.resolve('app-builder-lib/package.json'))('@electron/asar') as AsarModule;
}

/** Every path in an asar archive, without the leading slash (directories included). */
export function listAsar(archivePath: string): string[] {
  return asar()
    .listPackage(archivePath, { isPack: false })
    .map((path) => path.replace(/^[/\\]/, '').replaceAll('\\', '/'));
}

/** One file's bytes from an asar archive. */
export function readAsarFile(archivePath: string, path: string): Buffer {
  return asar().extractFile(archivePath, path);
}
