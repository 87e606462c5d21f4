import { describe, expect, it, vi } from 'vitest';
import type { ListEntry } from '../../../src/shared/model/bucket';
import type { MenuEntry } from '../../../src/renderer/ui/ContextMenu';
import type { ShareActions } from '../../../src/renderer/features/share/share-context';
import { isCopyLinkShortcut, shareSelection } from '../../../src/renderer/features/share/share-selection';
import { shareMenuEntries, withShareEntries } from '../../../src/renderer/features/share/use-share-menu';

const file = (key: string): ListEntry => ({ kind: 'object', key, name: key.split('/').pop() ?? key, size: 1 });
const folder = (key: string): ListEntry => ({ kind: 'folder', key, name: key });
const place = { connectionId: 'conn-12345678', bucket: 'media', prefix: 'private/docs/', privateRoot: 'private/' };

function fakeShare() {
  return {
    copyLink: vi.fn<ShareActions['copyLink']>(),
    copyLinks: vi.fn<ShareActions['copyLinks']>(),
    openLinkDialog: vi.fn<ShareActions['openLinkDialog']>(),
    openLinksDialog: vi.fn<ShareActions['openLinksDialog']>(),
    openUploadDialog: vi.fn<ShareActions['openUploadDialog']>(),
  } satisfies ShareActions;
}

const ids = (entries: readonly MenuEntry[]) => entries.map((e) => (e === 'separator' ? '—' : e.id));
const run = (entries: readonly MenuEntry[], id: string) => {
  const entry = entries.find((e) => e !== 'separator' && e.id === id);
  if (!entry || entry === 'separator') throw new Error(`no ${id}`);
  entry.onSelect();
};

describe('shareSelection', () => {
  it('splits files from folders and finds the upload folder', () => {
    expect(shareSelection([file('private/docs/a.pdf'), folder('private/docs/x/')], 'private/docs/', 'private/')).toEqual({
      objectKeys: ['private/docs/a.pdf'],
      uploadPrefix: null,
      folderCount: 1,
    });
    expect(shareSelection([folder('private/docs/x/')], 'private/docs/', 'private/').uploadPrefix).toBe('private/docs/x/');
    expect(shareSelection([], 'private/docs/', 'private/').uploadPrefix).toBe('private/docs/');
  });

  it('never targets the bucket top: an upload link there defaults to the private root', () => {
    expect(shareSelection([], '', 'private/').uploadPrefix).toBe('private/');
  });
});

describe('isCopyLinkShortcut', () => {
  const key = (over: Partial<Parameters<typeof isCopyLinkShortcut>[0]>) => ({
    key: 'L',
    shiftKey: true,
    ctrlKey: true,
    metaKey: false,
    altKey: false,
    ...over,
  });
  it('is Ctrl or Cmd with Shift and L, nothing else', () => {
    expect(isCopyLinkShortcut(key({}))).toBe(true);
    expect(isCopyLinkShortcut(key({ ctrlKey: false, metaKey: true, key: 'l' }))).toBe(true);
    expect(isCopyLinkShortcut(key({ shiftKey: false }))).toBe(false);
    expect(isCopyLinkShortcut(key({ altKey: true }))).toBe(false);
    expect(isCopyLinkShortcut(key({ key: 'C' }))).toBe(false);
  });
});

describe('shareMenuEntries', () => {
  it('offers Copy link and Share link… for one file, with the right target', () => {
    const share = fakeShare();
    const entries = shareMenuEntries(share, place, shareSelection([file('private/docs/a.pdf')], place.prefix, place.privateRoot));
    expect(ids(entries)).toEqual(['copy-link', 'share-link']);
    run(entries, 'copy-link');
    expect(share.copyLink).toHaveBeenCalledWith({ connectionId: place.connectionId, bucket: 'media', key: 'private/docs/a.pdf' });
    run(entries, 'share-link');
    expect(share.openLinkDialog).toHaveBeenCalledWith({ connectionId: place.connectionId, bucket: 'media', key: 'private/docs/a.pdf' });
  });

  it('offers links for the files of a mixed selection and says folders are left out', () => {
    const share = fakeShare();
    const sel = shareSelection(
      [file('private/docs/a'), file('private/docs/b'), folder('private/docs/x/')],
      place.prefix,
      place.privateRoot,
    );
    const entries = shareMenuEntries(share, place, sel);
    expect(ids(entries)).toEqual(['copy-links', 'share-links']);
    const first = entries[0];
    expect(first !== 'separator' && first?.label).toBe('Copy links (2 files)');
    run(entries, 'share-links');
    expect(share.openLinksDialog).toHaveBeenCalledWith({
      connectionId: place.connectionId,
      bucket: 'media',
      keys: ['private/docs/a', 'private/docs/b'],
    });
  });

  it('offers an upload link for one folder or the open folder', () => {
    const share = fakeShare();
    const entries = shareMenuEntries(share, place, shareSelection([folder('private/docs/x/')], place.prefix, place.privateRoot));
    expect(ids(entries)).toEqual(['upload-link']);
    run(entries, 'upload-link');
    expect(share.openUploadDialog).toHaveBeenCalledWith({ connectionId: place.connectionId, bucket: 'media', prefix: 'private/docs/x/' });
  });
});

describe('withShareEntries', () => {
  const entry = (id: string): MenuEntry => ({ id, label: id, onSelect: () => undefined });
  it('groups share entries right after Download, or at the end', () => {
    expect(ids(withShareEntries([entry('open'), entry('download'), 'separator', entry('copy')], [entry('copy-link')]))).toEqual([
      'open',
      'download',
      '—',
      'copy-link',
      '—',
      'copy',
    ]);
    expect(ids(withShareEntries([entry('new-folder')], [entry('upload-link')]))).toEqual(['new-folder', '—', 'upload-link']);
    expect(ids(withShareEntries([entry('new-folder')], []))).toEqual(['new-folder']);
  });
});
