// The per-root defaults live in one module (`objects/root-defaults.ts`); uploads take them from there.
export { builtInRootDefaults as defaultUploadSettings, resolveUploadOptions } from '../../objects/root-defaults';
