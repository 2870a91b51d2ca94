// Messages between the pool (parent) and the extraction child, over Node's IPC channel. The
// document's bytes do not travel here: the parent streams them into the child's stdin.
import type { DocumentType, ExtractionLimits, ExtractionResult } from './types.ts';

export type JobMessage = {
  type: 'job';
  documentType: DocumentType;
  limits: ExtractionLimits;
};

export type ChildMessage =
  /** A spare has loaded its parsers and warmed them up; a job sent now starts at once. */
  | { type: 'ready' }
  | { type: 'result'; result: ExtractionResult }
  /** Resident memory, reported while the child's event loop is free (used where /proc is absent). */
  | { type: 'memory'; rss: number };
