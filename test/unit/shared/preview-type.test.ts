import { describe, expect, it } from 'vitest';
import { previewPolicy } from '../../../src/shared/model/preview-type';

const saveOnly = { kind: 'none', servedType: 'application/octet-stream', disposition: 'attachment' };

describe('previewPolicy', () => {
  it('never passes a stored list or malformed type through: bytes to save (issue 8)', () => {
    for (const stored of [
      'application/pdf;x=,text/html',
      'application/pdf;,text/html',
      'application/pdf, text/html',
      'application/pdf,text/html;charset=utf-8',
      'text/html, application/pdf',
      'image/png; x',
      'image/png; a=1; a=2',
      'text/plain; charset="utf-8',
      'image/svg+xml\u0000',
      '/png',
      'image/',
    ]) {
      expect(previewPolicy(stored, 'x.pdf'), stored).toEqual(saveOnly);
    }
  });

  it('renders in place only images, audio, video, PDF and plain text, each as its bare type', () => {
    expect(previewPolicy('image/PNG; q=1', 'a')).toEqual({ kind: 'image', servedType: 'image/png', disposition: 'inline' });
    expect(previewPolicy('video/mp4; codecs="avc1.42E01E"', 'a')).toEqual({
      kind: 'video',
      servedType: 'video/mp4',
      disposition: 'inline',
    });
    expect(previewPolicy('audio/mpeg', 'a')).toMatchObject({ kind: 'audio', servedType: 'audio/mpeg' });
    expect(previewPolicy('application/pdf', 'a')).toMatchObject({ kind: 'pdf', servedType: 'application/pdf', disposition: 'inline' });
    // Text of any kind is shown as text, never run: HTML included.
    for (const stored of ['text/html; charset=utf-8', 'application/json', 'text/csv', 'application/ld+json']) {
      expect(previewPolicy(stored, 'a'), stored).toEqual({ kind: 'text', servedType: 'text/plain; charset=utf-8', disposition: 'inline' });
    }
    for (const stored of [
      'application/zip',
      'image/tiff',
      'application/x-msdownload',
      'application/x-shockwave-flash',
      'multipart/mixed; boundary=x',
    ]) {
      expect(previewPolicy(stored, 'a.png'), stored).toEqual(saveOnly);
    }
  });

  it('guesses from the extension only when the stored type says nothing, and never a PDF', () => {
    expect(previewPolicy(undefined, 'p/clip.MP4')).toMatchObject({ kind: 'video', servedType: 'video/mp4' });
    expect(previewPolicy('application/octet-stream', 'logo.png')).toMatchObject({ kind: 'image', servedType: 'image/png' });
    expect(previewPolicy('', 'page.html')).toMatchObject({ kind: 'text', servedType: 'text/plain; charset=utf-8' });
    expect(previewPolicy('binary/octet-stream', 'doc.pdf')).toEqual(saveOnly);
    expect(previewPolicy(undefined, 'archive.zip')).toEqual(saveOnly);
    expect(previewPolicy(undefined, 'dir.png/file')).toEqual(saveOnly);
  });
});
