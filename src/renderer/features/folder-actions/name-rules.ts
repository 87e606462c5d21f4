import { baseName, keyBytes, maxKeyBytes, nameProblem, parentPrefix } from '../../../shared/model/keys';

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
 * One name for a new folder or a rename, inside `parentPrefix`. Blocks what main refuses (the
 * shared name rule: "/", ".", "..", control characters; more than 1,024 bytes of key) and, here
 * only, a name of nothing but spaces; warns about edge spaces, which S3 keeps but people do not see.
 */
export function checkName(name: string, parentPrefix: string, isFolder: boolean): NameCheck {
  if (name !== '' && name.trim() === '') return { error: 'A name needs at least one character that is not a space.' };
  const problem = nameProblem(name);
  if (problem) return { error: problem };
  const key = parentPrefix + name + (isFolder ? '/' : '');
  const bytes = keyBytes(key);
  if (bytes > maxKeyBytes) {
    return {
      error: `The full key would be ${bytes.toLocaleString()} bytes; S3 allows ${maxKeyBytes.toLocaleString()}. Choose a shorter name.`,
    };
  }
  const warning = edgeWarning(name);
  return warning ? { warning } : {};
}

/** A rename: the name rules, plus it must actually change. */
export function checkRename(key: string, newName: string): NameCheck {
  if (newName === baseName(key)) return { error: 'That is the current name. Type a new one.' };
  return checkName(newName, parentPrefix(key), key.endsWith('/'));
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
      return { error: `“${baseName(key)}” cannot go into itself. Choose a folder outside it.` };
    }
  }
  if (keys.length > 0 && keys.every((k) => parentPrefix(k) === destination)) {
    return {
      error:
        mode === 'move'
          ? 'That is where they already are. Choose another folder.'
          : 'Copying into the same folder would overwrite the originals. Choose another folder.',
    };
  }
  const longest = Math.max(0, ...keys.map((k) => keyBytes(destination + k.slice(parentPrefix(k).length))));
  if (longest > maxKeyBytes) {
    return {
      error: `Some keys would be ${longest.toLocaleString()} bytes there; S3 allows ${maxKeyBytes.toLocaleString()}. Choose a shorter path.`,
    };
  }
  if (destination.startsWith('/')) {
    return {
      warning: 'This path starts with “/”, which makes a folder with an empty name at the top. Remove the leading / unless you mean that.',
    };
  }
  return {};
}
