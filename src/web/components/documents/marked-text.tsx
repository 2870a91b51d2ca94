import type { TextPart } from '../../lib/documents.ts';

/** Text with the words a search found in `<mark>`, in the accent colours. */
export function MarkedText({ parts }: { parts: readonly TextPart[] }) {
  return parts.map((part, index) =>
    part.match ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
      <mark key={index} className="rounded-sm bg-accent px-0.5 text-accent-foreground">
        {part.text}
      </mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
      <span key={index}>{part.text}</span>
    ),
  );
}
