import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { convertIcon, loadBuilderConfig, parsePlistFile, validateBuilderConfig, type ResolvedIcons } from './builder-internals';

/** The outcome of checking electron-builder.yml without building: what is wrong, and what was checked. */
export interface BuilderConfigReport {
  problems: string[];
  checked: string[];
}

type IconFormat = 'icns' | 'ico' | 'set';

/** The icon sources electron-builder consults per platform, in its order (see PlatformPackager, LinuxTargetHelper). */
function iconSources(config: Configuration): Array<[string, IconFormat, string[]]> {
  const common = config.icon ?? undefined;
  const mac = config.mac?.icon ?? common;
  return [
    ['macOS', 'icns', [mac].filter((s): s is string => typeof s === 'string')],
    ['Windows', 'ico', [config.win?.icon ?? common].filter((s): s is string => typeof s === 'string')],
    ['Linux', 'set', [config.linux?.icon ?? undefined, mac].filter((s): s is string => typeof s === 'string')],
  ];
}

/**
 * Resolves every platform's icon with electron-builder's own resolver. Committed icons already
 * have each target format, so nothing is converted; the icons toolset path points at an empty
 * folder so that, should resolution ever fall through to a conversion, it fails here instead of
 * downloading electron-builder's icon tool.
 */
async function resolveIcons(projectDir: string, config: Configuration, report: BuilderConfigReport): Promise<void> {
  const resourcesDir = resolve(projectDir, config.directories?.buildResources ?? 'build');
  const scratch = mkdtempSync(join(tmpdir(), 'bucket-admin-icons-'));
  const previousToolset = process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR;
  process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR = scratch;
  try {
    for (const [platform, format, sources] of iconSources(config)) {
      let result: ResolvedIcons;
      try {
        result = await convertIcon({
          sources,
          fallbackSources: [],
          roots: [resourcesDir, projectDir],
          format,
          outDir: join(scratch, format),
        });
      } catch (error) {
        report.problems.push(`${platform} icon: electron-builder cannot use it: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const outside = result.icons.filter((icon) => relative(resourcesDir, icon.file).startsWith('..'));
      if (result.icons.length === 0 || result.isFallback || outside.length > 0) {
        report.problems.push(
          `${platform} icon: electron-builder would not use resources/ (got ${result.icons.map((i) => i.file).join(', ') || 'nothing'}); run \`npm run icons\`.`,
        );
        continue;
      }
      const files = result.icons.map((icon) => relative(projectDir, icon.file));
      report.checked.push(
        `${platform} icon (${format}): ${files.length > 2 ? `${files.length} sizes in ${relative(projectDir, resourcesDir)}/icons` : files.join(', ')}`,
      );
    }
  } finally {
    if (previousToolset === undefined) delete process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR;
    else process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR = previousToolset;
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The hardened runtime is on and both entitlement files parse and grant V8 its JIT. */
async function checkMacSigning(projectDir: string, config: Configuration, report: BuilderConfigReport): Promise<void> {
  if (config.mac?.hardenedRuntime !== true)
    report.problems.push('mac.hardenedRuntime must be true: notarization requires the hardened runtime.');
  for (const key of ['entitlements', 'entitlementsInherit'] as const) {
    const file = config.mac?.[key];
    if (typeof file !== 'string') {
      report.problems.push(`mac.${key} is not set: name the plist in resources/ so a review sees what the app is granted.`);
      continue;
    }
    let plist: unknown;
    try {
      plist = await parsePlistFile(resolve(projectDir, file));
    } catch (error) {
      report.problems.push(`mac.${key} (${file}) is not a readable plist: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const grants = typeof plist === 'object' && plist !== null ? (plist as Record<string, unknown>) : {};
    if (grants['com.apple.security.cs.allow-jit'] !== true) {
      report.problems.push(`mac.${key} (${file}) lacks com.apple.security.cs.allow-jit: a hardened Electron app cannot run V8 without it.`);
      continue;
    }
    report.checked.push(`mac.${key}: ${file} grants ${Object.keys(grants).join(', ')}`);
  }
}

/**
 * Checks electron-builder.yml the way electron-builder does before it builds (schema and
 * deprecations), then the files it names: icons per platform and the macOS entitlements.
 * Needs no Electron download, no network and no build.
 */
export async function checkBuilderConfig(projectDir: string): Promise<BuilderConfigReport> {
  const report: BuilderConfigReport = { problems: [], checked: [] };
  const config = await loadBuilderConfig(projectDir);
  try {
    await validateBuilderConfig(config);
    report.checked.push("electron-builder's schema and deprecation checks");
  } catch (error) {
    report.problems.push(error instanceof Error ? error.message : String(error));
  }
  if (config.asar === false)
    report.problems.push('asar is off: the app would ship as loose files, and the asar integrity fuse would have nothing to check.');
  await resolveIcons(projectDir, config, report);
  await checkMacSigning(projectDir, config, report);
  return report;
}
