// The `layers/imports` rule: an allow-list of what each layer of src/ may import (docs/ARCHITECTURE.md §2).
// A file's layer is the longest `dir` of the table (eslint.config.mjs) that holds it; it may import
// files of the layers its `may` names and the packages its `packages` names, nothing else. Relative
// paths are resolved, so `../../electron/x` from the core is the electron layer, however it is
// spelled. Every form is checked: import, export … from, import(), import x = require(), require(),
// and `import('x').T` types. Everywhere (tests and scripts too), Node built-ins need `node:`.
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** `pkg` or `pkg/*` (any sub-path) or `node:*`: does `spec` match it? */
function specMatches(pattern, spec) {
  if (pattern.endsWith('/*') || pattern.endsWith(':*')) return spec.startsWith(pattern.slice(0, -1));
  return spec === pattern;
}

/** The names an import statement takes from its module; '*' for all of them (namespace, dynamic). */
function importedNames(node) {
  switch (node.type) {
    case 'ImportDeclaration':
      return node.specifiers.map((s) =>
        s.type === 'ImportDefaultSpecifier'
          ? 'default'
          : s.type === 'ImportNamespaceSpecifier'
            ? '*'
            : (s.imported.name ?? s.imported.value),
      );
    case 'ExportNamedDeclaration':
      return node.specifiers.map((s) => s.local.name ?? s.local.value);
    default:
      return ['*'];
  }
}

/** `file` is `dir` itself or inside it (`dir` may name a single file). */
const within = (file, dir) => file === dir || file.startsWith(`${dir}/`);

/** The most specific layer holding `file` (a path relative to the project, `/`-separated). */
function layerOf(layers, file) {
  let best;
  for (const layer of layers) if (within(file, layer.dir) && (!best || layer.dir.length > best.dir.length)) best = layer;
  return best;
}

/** `src/renderer/features/<name>` holding `file`, or undefined. */
function featureOf(featuresDir, file) {
  if (!featuresDir || !file.startsWith(`${featuresDir}/`)) return undefined;
  const name = file.slice(featuresDir.length + 1).split('/')[0];
  return name && file.length > featuresDir.length + 1 + name.length ? `${featuresDir}/${name}` : undefined;
}

export const layerImports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Each layer of src/ imports only what docs/ARCHITECTURE.md §2 lets it (an allow-list), and Node built-ins use node:.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          srcDir: { type: 'string' },
          layers: { type: 'array' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      nodeProtocol: "Import Node's '{{spec}}' as 'node:{{spec}}': the protocol says it is a built-in and no package can shadow it.",
      notInLayer:
        '{{file}} is in no layer of the table in eslint/layers.mjs: put it in a layer folder (docs/ARCHITECTURE.md §2) or add the folder to the table.',
      fileNotAllowed: '{{layer}} may not import {{target}} ({{spec}}). {{why}}',
      packageNotAllowed: "{{layer}} may not import '{{spec}}'. {{why}}",
      nameNotAllowed: "{{layer}} may not import {{name}} from '{{spec}}'. {{why}}",
      crossFeature:
        '{{from}} may not import another feature ({{spec}} is in {{to}}): move what both need to ui/, api/ or a shared renderer module, or pass it down from app/.',
      staleException: '{{from}} no longer imports {{to}}: delete that entry from the feature exceptions in eslint/layers.mjs.',
      featureFromShared:
        '{{from}} is shared by the features and may not import one ({{spec}} is in {{to}}): shared modules depend on no feature.',
    },
  },
  create(context) {
    const { srcDir = 'src', layers = [] } = context.options[0] ?? {};
    const cwd = context.cwd;
    const file = path.relative(cwd, context.filename).split(path.sep).join('/');
    const inSrc = within(file, srcDir);
    const layer = inSrc ? layerOf(layers, file) : undefined;
    const usedExceptions = new Set();

    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value.replace(/\?.*$/, '');
      if (!spec.startsWith('node:') && !spec.startsWith('.') && !spec.startsWith('/') && isBuiltin(spec)) {
        context.report({ node: source, messageId: 'nodeProtocol', data: { spec } });
        return;
      }
      if (!inSrc) return;
      if (!layer) {
        context.report({ node: source, messageId: 'notInLayer', data: { file } });
        return;
      }
      const why = layer.why ?? '';
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path
          .relative(cwd, path.resolve(path.dirname(context.filename), spec))
          .split(path.sep)
          .join('/');
        const allowed = (layer.may ?? []).some((dir) => within(target, dir));
        if (!allowed) {
          const owner = layerOf(layers, target);
          context.report({
            node: source,
            messageId: 'fileNotAllowed',
            data: { layer: layer.name, target: owner ? owner.name : target, spec, why },
          });
          return;
        }
        checkFeature(source, spec, target);
        return;
      }
      const entry = (layer.packages ?? []).find((p) => specMatches(typeof p === 'string' ? p : p.spec, spec));
      if (!entry) {
        context.report({ node: source, messageId: 'packageNotAllowed', data: { layer: layer.name, spec, why } });
        return;
      }
      if (typeof entry === 'string') return;
      // `only`: the names allowed (a namespace or dynamic import takes all, so it is refused);
      // `except`: name -> why it is refused here.
      for (const name of importedNames(node)) {
        const except = entry.except ?? {};
        const refused = entry.only
          ? !entry.only.includes(name)
          : name === '*'
            ? Object.keys(except).length > 0
            : Object.hasOwn(except, name);
        const reason = (Object.hasOwn(except, name) ? except[name] : undefined) ?? entry.why ?? why;
        if (refused)
          context.report({
            node: source,
            messageId: 'nameNotAllowed',
            data: { layer: layer.name, name: name === '*' ? 'everything' : name, spec, why: reason },
          });
      }
    }

    /** Within the renderer: a feature imports no other feature; shared modules import none. */
    function checkFeature(source, spec, target) {
      const { features } = layer;
      if (!features) return;
      const to = featureOf(features.dir, target);
      if (!to) return;
      const from = featureOf(features.dir, file);
      if (from === to) return;
      const exception = (features.exceptions ?? []).find((e) => e.from === file && within(target, e.to));
      if (exception) {
        usedExceptions.add(exception);
        return;
      }
      if (from) context.report({ node: source, messageId: 'crossFeature', data: { from, to, spec } });
      else if (!(features.composers ?? []).some((dir) => within(file, dir)))
        context.report({ node: source, messageId: 'featureFromShared', data: { from: file, to, spec } });
    }

    /** Exceptions for this file that no import needs any more: the list must shrink as they go. */
    function reportStaleExceptions(program) {
      for (const e of layer?.features?.exceptions ?? []) {
        if (e.from === file && !usedExceptions.has(e))
          context.report({ node: program, messageId: 'staleException', data: { from: e.from, to: e.to } });
      }
    }

    return {
      'Program:exit': reportStaleExceptions,
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.source),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { imports: layerImports } };
