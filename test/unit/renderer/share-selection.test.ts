import { describe, expect, it, vi } from 'vitest';
import type { ListEntry } from '../../../src/shared/model/bucket';
import type { MenuEntry } from '../../../src/renderer/ui/ContextMenu';
import type { ShareActions } from '../../../src/renderer/features/share/share-context';
import { shareSelection } from '../../../src/renderer/features/share/share-selection';
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

describe('shareMenuEntries', () => {
  it('offers the table’s Copy link and Share link… for one file, with the right target', () => {
    const share = fakeShare();
    const entries = shareMenuEntries(share, place, shareSelection([file('private/docs/a.pdf')], place.prefix, place.privateRoot), 'linux');
    expect(ids(entries)).toEqual(['copy-link', 'share-link']);
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
    const entries = shareMenuEntries(share, place, sel, 'linux');
    expect(ids(entries)).toEqual(['copy-link', 'share-links']);
    run(entries, 'share-links');
    expect(share.openLinksDialog).toHaveBeenCalledWith({
      connectionId: place.connectionId,
      bucket: 'media',
      keys: ['private/docs/a', 'private/docs/b'],
    });
  });

  it('offers an upload link for one folder or the open folder', () => {
    const share = fakeShare();
    const entries = shareMenuEntries(share, place, shareSelection([folder('private/docs/x/')], place.prefix, place.privateRoot), 'linux');
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
