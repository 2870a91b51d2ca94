// The extraction children of this process, read from /proc: proves a killed child is really gone.
import { readdir, readFile } from 'node:fs/promises';
import { idleSparePids } from '../spares.ts';

/** Children working on a document; with `spares`, idle spare children (no document) as well. */
export async function extractionChildren(options: { spares?: boolean } = {}): Promise<number[]> {
  const idle = idleSparePids();
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [stat, cmdline] = await Promise.all([
        readFile(`/proc/${name}/stat`, 'utf8'),
        readFile(`/proc/${name}/cmdline`, 'utf8'),
      ]);
      // Field 4 (after the parenthesised command name) is the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const pid = Number(name);
      if (parent !== process.pid || !cmdline.includes('extraction/child.')) continue;
      if (options.spares || !idle.has(pid)) found.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
