import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalGrants, notGrantedMessage } from '../../../src/main/core/files/local-grants';
import { isAppError } from '../../../src/shared/errors';

let base: string;
let grants: LocalGrants;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'bucket-admin-grants-'));
  for (const dir of ['home/Shoot/sub', 'home/.ssh', 'Downloads', 'Downloads2']) mkdirSync(path.join(base, dir), { recursive: true });
  for (const file of ['home/Shoot/a.jpg', 'home/Shoot/sub/b.jpg', 'home/.ssh/id_rsa', 'home/clip.mov', 'home/other.mov'])
    writeFileSync(path.join(base, file), file);
  grants = new LocalGrants();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const at = (rel: string) => path.join(base, rel);

/** The code the check refuses with, or 'allowed'. */
async function readCheck(p: string): Promise<string> {
  try {
    await grants.checkRead([p]);
    return 'allowed';
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.message).toBe(notGrantedMessage);
    return error.code;
  }
}

describe('read grants', () => {
  it('allows a granted folder and what is inside it, a granted file and nothing else', async () => {
    grants.grantRead(at('home/Shoot'));
    grants.grantRead(at('home/clip.mov'));
    expect(await readCheck(at('home/Shoot'))).toBe('allowed');
    expect(await readCheck(at('home/Shoot/sub/b.jpg'))).toBe('allowed');
    expect(await readCheck(at('home/clip.mov'))).toBe('allowed');
    expect(await readCheck(at('home/other.mov'))).toBe('AccessDenied');
    expect(await readCheck(at('home'))).toBe('AccessDenied');
    expect(await readCheck('/etc/passwd')).toBe('AccessDenied');
  });

  it('refuses `..` out of a granted folder and a symlink inside it that points outside', async () => {
    grants.grantRead(at('home/Shoot'));
    symlinkSync(at('home/.ssh'), at('home/Shoot/keys'));
    expect(await readCheck(`${at('home/Shoot')}/../.ssh/id_rsa`)).toBe('AccessDenied');
    expect(await readCheck(`${at('home/Shoot/sub')}/../../.ssh/id_rsa`)).toBe('AccessDenied');
    expect(await readCheck(at('home/Shoot/keys'))).toBe('AccessDenied');
    expect(await readCheck(at('home/Shoot/keys/id_rsa'))).toBe('AccessDenied');
  });

  it('grants what a picked symlink points to, not its siblings', async () => {
    symlinkSync(at('home/Shoot'), at('home/shoot-link'));
    grants.grantRead(at('home/shoot-link'));
    expect(await readCheck(at('home/shoot-link/a.jpg'))).toBe('allowed');
    expect(await readCheck(at('home/Shoot/a.jpg'))).toBe('allowed');
    expect(await readCheck(at('home/clip.mov'))).toBe('AccessDenied');
  });

  it('lets a granted path that vanished through (the plan says it is missing), but not an ungranted missing one', async () => {
    grants.grantRead(at('home/gone.mov'));
    expect(await readCheck(at('home/gone.mov'))).toBe('allowed');
    expect(await readCheck(at('home/never-picked.mov'))).toBe('AccessDenied');
  });

  it('does not take a name prefix for a parent folder', async () => {
    grants.grantRead(at('home/Shoot'));
    mkdirSync(at('home/Shoot2'));
    expect(await readCheck(at('home/Shoot2'))).toBe('AccessDenied');
  });

  it('refuses a whole request when any path in it is not granted', async () => {
    grants.grantRead(at('home/clip.mov'));
    await expect(grants.checkRead([at('home/clip.mov'), at('home/.ssh/id_rsa')])).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('write grants', () => {
  it('allow a chosen folder and its subfolders only, by real path', async () => {
    grants.grantWrite(at('Downloads'));
    mkdirSync(at('Downloads/sub'));
    symlinkSync(at('home'), at('Downloads/out'));
    expect(await grants.allowsWrite(at('Downloads'))).toBe(true);
    expect(await grants.allowsWrite(at('Downloads/sub'))).toBe(true);
    expect(await grants.allowsWrite(`${at('Downloads')}/../home`)).toBe(false);
    expect(await grants.allowsWrite(at('Downloads/out'))).toBe(false);
    expect(await grants.allowsWrite(at('Downloads2'))).toBe(false);
    expect(await grants.allowsWrite(base)).toBe(false);
  });

  it('are not read grants, and read grants are not write grants', async () => {
    grants.grantWrite(at('Downloads'));
    grants.grantRead(at('home/Shoot'));
    expect(await readCheck(at('Downloads'))).toBe('AccessDenied');
    expect(await grants.allowsWrite(at('home/Shoot'))).toBe(false);
  });
});
