// Messages between the pool (parent) and the extraction child, over Node's IPC channel.
import type { DocumentType, ExtractionLimits, ExtractionResult } from './types.ts';

export type JobMessage = {
  type: 'job';
  /** Absolute; the child may read this file and its own code, nothing else. */
  filePath: string;
  documentType: DocumentType;
  limits: ExtractionLimits;
};

export type ChildMessage =
  | { type: 'result'; result: ExtractionResult }
  /** Resident memory, reported while the child's event loop is free (used where /proc is absent). */
  | { type: 'memory'; rss: number };
