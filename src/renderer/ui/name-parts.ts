import { hasControlCharacter, invisibleCharacterName } from '../../shared/model/control-characters';

/** A piece of a displayed name: plain text, or a visible marker for something invisible. */
export type NamePart =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; text: string; title: string }
  /** A short muted explanation shown after the name (e.g. that ".." is not the parent folder). */
  | { kind: 'note'; text: string };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A marker for a whitespace run at the edge of a name ("␣␣" for two spaces). */
function spaceMark(run: string, where: 'Starts' | 'Ends'): NamePart {
  // Whitespace characters are all single UTF-16 units, so length counts them.
  const spaces = /^ +$/.test(run);
  return {
    kind: 'mark',
    text: run.replace(/ /g, '␣').replace(/[^␣]/g, '⍽'),
    title: `${where} with ${spaces ? plural(run.length, 'space', 'spaces') : plural(run.length, 'whitespace character', 'whitespace characters')}`,
  };
}

function controlMark(char: string, what = 'Control character'): NamePart {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return { kind: 'mark', text: `\\u${hex}`, title: `${what} U+${hex}` };
}

/**
 * Splits a name for display so nothing in the key is hidden: edge whitespace (a trailing space
 * is easy to miss and makes a different key), control characters, bidi controls and zero-width
 * characters become visible markers, an empty name (from "//" in a key) says so, and "."/".."
 * are marked as ordinary names. Everything else is shown exactly as stored.
 */
export function nameParts(name: string): NamePart[] {
  if (name === '') return [{ kind: 'mark', text: '(empty name)', title: 'An empty name: the key has "//" here' }];
  // "." and ".." are ordinary names in S3, not "here" or "up": say so, or ".." looks like a way back.
  if (name === '.' || name === '..') {
    return [
      { kind: 'mark', text: name, title: `A folder literally named “${name}” — not ${name === '.' ? 'this' : 'the parent'} folder` },
      { kind: 'note', text: `(named “${name}”, not ${name === '.' ? 'this folder' : 'up'})` },
    ];
  }
  const lead = /^\s+/.exec(name)?.[0] ?? '';
  const rest = name.slice(lead.length);
  const trail = /\s+$/.exec(rest)?.[0] ?? '';
  const middle = rest.slice(0, rest.length - trail.length);
  const parts: NamePart[] = [];
  if (lead) parts.push(spaceMark(lead, 'Starts'));
  let text = '';
  for (const char of middle) {
    const invisible = invisibleCharacterName(char);
    if (hasControlCharacter(char) || invisible) {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push(invisible ? controlMark(char, invisible) : controlMark(char));
    } else {
      text += char;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  if (trail) parts.push(spaceMark(trail, 'Ends'));
  return parts;
}

/** True when the name needs a marker, i.e. it would look different from what it is. */
export function hasHiddenCharacters(name: string): boolean {
  return nameParts(name).some((p) => p.kind === 'mark');
}
