/** S3's limit on a key, in bytes of UTF-8. */
export const maxKeyBytes = 1024;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** A problem that blocks the action, or a warning the user may accept. */
export interface NameCheck {
  error?: string;
  warning?: string;
}

function edgeWarning(text: string): string | undefined {
  if (/\s$/.test(text)) return 'The name ends with a space. That is allowed, but easy to miss later.';
  if (/^\s/.test(text)) return 'The name starts with a space. That is allowed, but easy to miss later.';
  return undefined;
}

/**
 * One name for a new folder or a rename, inside `parentPrefix`. Blocks what cannot round-trip
 * to a local disk or the key limit ("/", ".", "..", control characters, more than 1,024 bytes);
 * warns about edge spaces, which S3 keeps but people do not see.
 */
export function checkName(name: string, parentPrefix: string, isFolder: boolean): NameCheck {
  if (name === '') return { error: 'Enter a name.' };
  if (name.trim() === '') return { error: 'A name needs at least one character that is not a space.' };
  if (name.includes('/')) return { error: 'A name cannot contain “/”: that would make a folder inside it.' };
  if (name === '.' || name === '..') return { error: '“.” and “..” cannot be names: they mean this and the parent folder.' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { error: 'A name cannot contain control characters (such as tabs or line breaks).' };
  const key = parentPrefix + name + (isFolder ? '/' : '');
  const bytes = byteLength(key);
  if (bytes > maxKeyBytes) {
    return { error: `The full key would be ${bytes.toLocaleString()} bytes; S3 allows ${maxKeyBytes.toLocaleString()}. Choose a shorter name.` };
  }
  const warning = edgeWarning(name);
  return warning ? { warning } : {};
}

/** The last segment of a key: "a/b/c.txt" → "c.txt", "a/b/" → "b". */
export function leafName(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The folder a key sits in: "a/b/c.txt" → "a/b/", "a/b/" → "a/", "c" → "". */
export function parentOf(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/** A rename: the name rules, plus it must actually change. */
export function checkRename(key: string, newName: string): NameCheck {
  if (newName === leafName(key)) return { error: 'That is the current name. Type a new one.' };
  return checkName(newName, parentOf(key), key.endsWith('/'));
}

/** What the user typed as a destination, as a folder prefix ("" is the top of the bucket). */
export function normaliseDestination(input: string): string {
  if (input === '') return '';
  return input.endsWith('/') ? input : `${input}/`;
}

/**
 * A Move/Copy destination for `keys`. Blocks targets that would do nothing or recurse (a folder
 * into itself or below itself) and keys that would grow past 1,024 bytes.
 */
export function checkDestination(input: string, keys: readonly string[], mode: 'move' | 'copy'): NameCheck {
  const destination = normaliseDestination(input);
  for (const key of keys) {
    if (key.endsWith('/') && destination.startsWith(key)) {
      return { error: `“${leafName(key)}” cannot go into itself. Choose a folder outside it.` };
    }
  }
  if (keys.length > 0 && keys.every((k) => parentOf(k) === destination)) {
    return {
      error:
        mode === 'move'
          ? 'That is where they already are. Choose another folder.'
          : 'Copying into the same folder would overwrite the originals. Choose another folder.',
    };
  }
  const longest = Math.max(0, ...keys.map((k) => byteLength(destination + k.slice(parentOf(k).length))));
  if (longest > maxKeyBytes) {
    return { error: `Some keys would be ${longest.toLocaleString()} bytes there; S3 allows ${maxKeyBytes.toLocaleString()}. Choose a shorter path.` };
  }
  if (destination.startsWith('/')) {
    return { warning: 'This path starts with “/”, which makes a folder with an empty name at the top. Remove the leading / unless you mean that.' };
  }
  return {};
}
