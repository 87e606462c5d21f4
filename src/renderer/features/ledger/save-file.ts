/**
 * Offers text as a file download: a Blob behind an `<a download>`. Our CSP allows this (downloads
 * are not fetches, and no `blob:` source is needed to navigate to one); Electron then shows its
 * save dialog. The object URL is released once the browser has taken the file.
 */
export function saveTextFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
