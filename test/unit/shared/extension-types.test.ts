import mime from 'mime';
import { describe, expect, it } from 'vitest';
import { contentTypeFromName } from '../../../src/main/core/files/content-type';
import { typeForName } from '../../../src/shared/model/extension-types';
import { previewPolicy } from '../../../src/shared/model/preview-type';

const saveOnly = { kind: 'none', servedType: 'application/octet-stream', disposition: 'attachment' };

describe('types by extension', () => {
  it('come from the mime package, case-insensitively, for keys and file names', () => {
    expect(typeForName('p/clip.MP4')).toBe('video/mp4');
    expect(typeForName('photo.webp')).toBe('image/webp');
    expect(typeForName('/tmp/Shoot/notes.md', mime)).toBe('text/markdown');
    expect(typeForName('archive.unknownext')).toBeUndefined();
    expect(typeForName('noext')).toBeUndefined();
    expect(typeForName('.bashrc')).toBeUndefined();
    expect(typeForName('dir.png/file')).toBeUndefined();
  });

  it('keep the types a media library expects where mime answers otherwise or not at all', () => {
    for (const lookup of [undefined, mime]) {
      expect(typeForName('favicon.ico', lookup)).toBe('image/x-icon');
      expect(typeForName('take.m4v', lookup)).toBe('video/x-m4v');
      expect(typeForName('song.flac', lookup)).toBe('audio/flac');
      expect(typeForName('voice.opus', lookup)).toBe('audio/opus');
      expect(typeForName('film.srt', lookup)).toBe('application/x-subrip');
      expect(typeForName('stream.m3u8', lookup)).toBe('application/vnd.apple.mpegurl');
      expect(typeForName('raw.CR2', lookup)).toBe('image/x-canon-cr2');
    }
    // Vendor types come only with the full database, which main passes.
    expect(typeForName('cut.mkv')).toBeUndefined();
    expect(typeForName('cut.mkv', mime)).toBe('video/x-matroska');
  });

  it('never take a name like "x.constructor" for a known extension (regression)', () => {
    for (const name of ['notes.constructor', 'a.__proto__', 'x.hasownproperty', 'y.tostring']) {
      expect(typeForName(name), name).toBeUndefined();
      expect(typeForName(name, mime), name).toBeUndefined();
      expect(contentTypeFromName(name), name).toBeUndefined();
      expect(previewPolicy(undefined, name), name).toEqual(saveOnly);
    }
  });

  it('give uploads UTF-8 text types', () => {
    expect(contentTypeFromName('readme.txt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeFromName('page.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFromName('app.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFromName('data.json')).toBe('application/json');
    expect(contentTypeFromName('C.DNG')).toBe('image/x-adobe-dng');
  });
});
