// An uploaded file's name is only ever shown: never a path, a key or a header value as sent.

const MAX_NAME_LENGTH = 255;
// Control and format characters (bidi overrides can disguise `gpj.exe` as `exe.jpg`).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** The last path segment of a client's file name, without controls, trimmed and capped. */
export function cleanFileName(name: string | undefined): string {
  const lastSegment = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(/\s+/g, ' ').replace(UNSAFE, '').trim();
  const capped = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('');
  return capped === '' || capped === '.' || capped === '..' ? 'document' : capped;
}

/** A default title: the name without its extension. */
export function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[A-Za-z0-9]{1,10}$/, '').trim();
  return Array.from(stem || name)
    .slice(0, 200)
    .join('');
}

const EXTENSIONS = { pdf: 'pdf', docx: 'docx', text: 'txt', markdown: 'md' } as const;

/**
 * `Content-Disposition: attachment` for a download: an ASCII fallback name (quotes, backslashes and
 * non-ASCII replaced) and the exact name in RFC 5987 form, always with the detected type's extension.
 */
export function attachmentDisposition(name: string, type: keyof typeof EXTENSIONS): string {
  const extension = EXTENSIONS[type];
  const withExtension = name.toLowerCase().endsWith(`.${extension}`)
    ? name
    : `${titleFromFileName(name)}.${extension}`;
  const ascii = withExtension.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(withExtension)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
