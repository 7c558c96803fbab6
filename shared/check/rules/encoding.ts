/** mojibake: garbled characters from a wrong decode, each run with a fix that restores the intended text. */
import { findMojibake } from '../mojibake';
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';

export function checkMojibake(context: PostContext): Problem[] {
  return findMojibake(context.text).map((run) => {
    const garbled = context.text.slice(run.start, run.end);
    return problemAt(context, 'mojibake', run.start, run.end - run.start, `"${garbled}" looks like "${run.repaired}" garbled (UTF-8 read as Windows-1252).`, {
      title: `Replace with "${run.repaired}"`,
      edits: [{ start: run.start, end: run.end, text: run.repaired }],
    });
  });
}
