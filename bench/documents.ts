// The files the documents benches need, generated at bench time (never committed): a 50-page text
// PDF of real sentences, a 1 MB PDF as people upload them (a cover picture and the same pages), and
// a PDF bomb. They come from the extraction tests' own writer, so no PDF package is needed.
import {
  bombPdf,
  type PdfObject,
  textPdf,
  writePdf,
} from '../src/server/modules/documents/extraction/test-support/pdf-writer.ts';

const MiB = 1024 * 1024;

/** A small seeded generator (mulberry32): the same file on every run and machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Sentences are built from these parts, so that words vary from page to page the way a coaching
// document's do: names, numbers, accented words, hyphenated compounds, curly quotes and dashes
// (WinAnsi characters that both extractors must map to the same Unicode).
const OPENERS = [
  '',
  '',
  '',
  '',
  'However, ',
  'Meanwhile, ',
  'In March, ',
  'For example, ',
  'Still, ',
  'Two weeks later, ',
  'Unsurprisingly, ',
  'On reflection, ',
  'By Thursday, ',
  'According to the notes, ',
];
const SUBJECTS = [
  'the coach',
  'a new client',
  'every team lead',
  'our finance manager',
  'the regional director',
  'Maria Álvarez',
  'Jean-Pierre',
  'the steering committee',
  'each participant',
  'the company’s founder',
  'a first-time manager',
  'the night-shift supervisor',
  'Dr. Okonkwo',
  'the product owner',
  'an anxious apprentice',
  'the head of sales',
  'Søren from logistics',
  'the board’s chairwoman',
  'a retired engineer',
  'the hiring panel',
];
const VERBS = [
  'reviewed',
  'questioned',
  'described',
  'rewrote',
  'measured',
  'celebrated',
  'postponed',
  'explained',
  'discovered',
  'abandoned',
  'negotiated',
  'sketched',
  'defended',
  'simplified',
  'challenged',
  'summarised',
  'revisited',
  'underestimated',
  'welcomed',
  'documented',
  'rehearsed',
  'prioritised',
];
const OBJECTS = [
  'the quarterly goals',
  'a difficult conversation with her peers',
  'his résumé',
  'the budget for 2027',
  'three habits worth keeping',
  'a fear of public speaking',
  'the onboarding plan',
  'twelve pages of feedback',
  'the long-term strategy',
  'an apology nobody expected',
  'the weekly one-to-one',
  '“radical candour” as a principle',
  'a naïve assumption about delegation',
  'the 360-degree assessment (round two)',
  'the reorganisation of the warehouse',
  'a promotion that came too early',
  'their values, written on index cards',
  'the morning routine',
  'an unanswered email from the auditors',
  'the gap between intention and behaviour',
  'a mentoring scheme for graduates',
  'her ambitions for the next decade',
  'the conflict over parking spaces',
  'a journal of small victories',
];
const ENDINGS = [
  'before the session ended',
  'with surprising patience',
  'after a long week of travel',
  'at the café near the station',
  'in 45 minutes flat',
  'without any notes',
  '— as promised',
  'despite the rain',
  'for the third time this year',
  'while everyone else listened',
  'at 7:30 on a Monday',
  'by roughly 18%',
  'over a cold lunch',
  'with a whiteboard and two markers',
  'in front of the whole department',
  'between budget meetings',
  'on the train home',
  'as the deadline approached',
  'with unusual candour',
  'until nobody could disagree',
];

/** Paragraphs of sentences, the same for a given seed. */
function prose(seed: number, paragraphs: number): string[] {
  const next = random(seed);
  const pick = (words: string[]) => words[Math.floor(next() * words.length)] ?? '';
  return Array.from({ length: paragraphs }, () => {
    const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => {
      const sentence = `${pick(OPENERS)}${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(ENDINGS)}.`;
      return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    });
    return sentences.join(' ');
  });
}

/** Breaks a paragraph into lines that fit a Letter page at 12 pt Helvetica (about 75 characters). */
function wrap(paragraph: string, width = 75): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// The PDF writer writes strings as Latin-1 bytes; these characters sit elsewhere in WinAnsi.
const WIN_ANSI: Record<string, string> = { '’': '\x92', '“': '\x93', '”': '\x94', '—': '\x97' };
const winAnsi = (line: string) => line.replace(/[’“”—]/g, (c) => WIN_ANSI[c] ?? c);

/** 40 lines a page: a heading, then paragraphs separated by a blank line. */
function pagesOfLines(pageCount: number): string[][] {
  return Array.from({ length: pageCount }, (_, index) => {
    const lines = [`Chapter ${index + 1}`, ''];
    for (const paragraph of prose(Math.imul(index + 1, 0x9e3779b1), 8)) {
      const wrapped = wrap(paragraph);
      if (lines.length + wrapped.length > 40) break;
      lines.push(...wrapped, '');
    }
    return lines;
  });
}

/** The text of `pageCount` pages as a document's extracted text would read. */
export function textOfPages(pageCount: number): string {
  return pagesOfLines(pageCount)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

const textPages = (pageCount: number) => pagesOfLines(pageCount).map((lines) => lines.map(winAnsi));

/** The extraction bench's file: `pageCount` pages of text, about 3 KB of text each. */
export function textPdfOfPages(pageCount = 50): Buffer {
  return textPdf(textPages(pageCount));
}

/**
 * About `size` bytes: a cover page with a photograph-like picture (incompressible RGB, as a JPEG
 * is) and a title, then 50 pages of text, as a scanned-cover report or a CV with a photo would be.
 */
export function pdfOfSize(size = MiB): Buffer {
  const pages = textPages(50);
  const text = textPdfOfPages(50).length;
  const width = 512;
  const height = Math.max(1, Math.round((size - text - 1_000) / (width * 3)));
  const next = random(2026);
  const pixels = Uint8Array.from({ length: width * height * 3 }, () => Math.floor(next() * 256));
  const pageCount = pages.length + 1;
  // Catalog, page tree, font, picture; then a page object and its content for each page.
  const kids = Array.from({ length: pageCount }, (_, i) => `${5 + 2 * i} 0 R`).join(' ');
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    {
      dict: `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 >>`,
      stream: pixels,
    },
  ];
  const cover = `q 400 0 0 ${Math.round((400 * height) / width)} 106 100 cm /Im1 Do Q\nBT /F1 24 Tf 72 700 Td (Annual coaching report) Tj ET`;
  const contents = [
    cover,
    ...pages.map(
      (lines) =>
        `BT /F1 12 Tf 16 TL 72 720 Td\n${lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`).join('\n')}\nET`,
    ),
  ];
  contents.forEach((content, i) => {
    objects.push(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ' +
        `/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
      { dict: '<< >>', stream: Buffer.from(content, 'latin1') },
    );
  });
  return writePdf(objects);
}

/**
 * A one-page PDF whose content stream inflates to 1 GiB of zeros (6.8 MB on disk): pdf.js grows to
 * gigabytes outside its heap until the memory watch kills it, which takes both a core and RAM.
 */
export function pdfBomb(): Buffer {
  return bombPdf(1024 * MiB);
}
