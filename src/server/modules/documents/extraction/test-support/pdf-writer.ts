// A minimal PDF writer for the tests: real files, correct xref offsets, no package needed.
import { zlibZeros } from './zero-deflate.ts';

export type PdfObject = string | { dict: string; stream: Uint8Array };

/** Objects are numbered from 1 in order; object 1 must be the catalog. */
export function writePdf(objects: PdfObject[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    push(Buffer.from(`${index + 1} 0 obj\n`, 'latin1'));
    if (typeof object === 'string') {
      push(Buffer.from(object, 'latin1'));
    } else {
      push(
        Buffer.from(
          `${object.dict.replace(/>>\s*$/, '')} /Length ${object.stream.length} >>\nstream\n`,
          'latin1',
        ),
      );
      push(Buffer.from(object.stream));
      push(Buffer.from('\nendstream', 'latin1'));
    }
    push(Buffer.from('\nendobj\n', 'latin1'));
  });
  const xrefOffset = length;
  const entries = offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n` +
        `startxref\n${xrefOffset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** Escapes a line for a PDF string literal; Latin-1 characters go through WinAnsiEncoding. */
function pdfString(line: string): string {
  return `(${line.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The catalog, page tree and font shared by the documents below, plus one page per content. */
function documentObjects(contents: PdfObject[]): PdfObject[] {
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${contents.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  contents.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ` +
        `/Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      content,
    );
  });
  return objects;
}

/** A PDF with one page per entry, each line of text on its own line of the page. */
export function textPdf(pages: string[][], trailerExtra = ''): Buffer {
  const contents = pages.map((lines) => {
    const shown = lines.map((line) => `${pdfString(line)} Tj T*`).join('\n');
    return {
      dict: '<< >>',
      stream: Buffer.from(`BT /F1 12 Tf 16 TL 72 720 Td\n${shown}\nET`, 'latin1'),
    };
  });
  return writePdf(documentObjects(contents), trailerExtra);
}

/**
 * A password-protected PDF: a standard security handler whose owner and user entries match no
 * password, so pdf.js asks for one. The content is never reached.
 */
export function encryptedPdf(): Buffer {
  const o = 'A'.repeat(64);
  const u = 'B'.repeat(64);
  const id = '0123456789ABCDEF0123456789ABCDEF';
  return textPdf(
    [['secret']],
    `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -4 >> /ID [<${id}> <${id}>] `,
  );
}

/** A one-page PDF whose content stream is a few MB on disk and inflates to `inflatedBytes` zeros. */
export function bombPdf(inflatedBytes: number): Buffer {
  const stream = zlibZeros(inflatedBytes);
  return writePdf(documentObjects([{ dict: '<< /Filter /FlateDecode >>', stream }]));
}
