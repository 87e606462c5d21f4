// Inputs for fuzzing the contract, made from each channel's own zod schema, so a new channel or
// field is fuzzed without anyone writing a case for it.
import type { z } from 'zod';

/** The parts of zod 4's internal definition this walker reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Values for string fields by name (the real connection id, bucket, paths…); others get 'x'. */
export type Seeds = Record<string, unknown>;

/**
 * Every shape a schema can take, each filled with seed values where a field's name has one: one
 * sample per member of a union (recursively), so a discriminated union yields each branch.
 */
export function samples(schema: z.ZodType, seeds: Seeds, name = ''): unknown[] {
  const def = defOf(schema);
  // A seed is used where the schema takes it: two channels may give one field name different
  // shapes (a download folder's path, an inventory's destination bucket), and the other falls through.
  if (name in seeds && schema.safeParse(seeds[name]).success) return [seeds[name]];
  switch (def.type) {
    case 'object': {
      let out: Record<string, unknown>[] = [{}];
      for (const [field, child] of Object.entries(def.shape ?? {})) {
        const options = samples(child, seeds, field).slice(0, 4);
        const next: Record<string, unknown>[] = [];
        for (const partial of out) for (const value of options) next.push(value === undefined ? partial : { ...partial, [field]: value });
        out = next.slice(0, 8);
      }
      return out;
    }
    case 'optional':
      // Absent first: the leanest valid input is the one most likely to reach the service.
      return def.innerType ? [undefined, ...samples(def.innerType, seeds, name)] : [undefined];
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType ? samples(def.innerType, seeds, name) : [undefined];
    case 'pipe':
      return def.in ? samples(def.in, seeds, name) : ['x'];
    case 'union':
      return (def.options ?? []).flatMap((option) => samples(option, seeds, name));
    case 'array':
      return def.element ? [samples(def.element, seeds, name).slice(0, 1)] : [[]];
    case 'tuple':
      return [(def.items ?? []).map((item) => samples(item, seeds, name)[0])];
    case 'record':
      return [{ k: def.valueType ? samples(def.valueType, seeds, name)[0] : 'x' }];
    case 'enum':
      return [Object.values(def.entries ?? {})[0]];
    case 'literal':
      return [def.values?.[0]];
    case 'string':
      return ['x'];
    case 'number':
    case 'int':
      return [1];
    case 'boolean':
      return [true];
    default:
      return [undefined];
  }
}

/** Paths to every string (and every string array) inside a value. */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[head as number] = withLeaf(copy[head as number], rest, leaf);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[String(head)] = withLeaf(copy[String(head)], rest, leaf);
  return copy;
}
