import type { DownloadedFile } from './api-client.ts';

/** Hands a file fetched by the app (an export, a backup) to the browser's downloads. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is not needed any more.
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
