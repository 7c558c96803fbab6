/** The site a single file belongs to: the nearest folder above it that a generator would recognise. */
import path from 'node:path';
import type { Site } from '../../../shared/model';
import { detectSiteKind } from '../workspace/detect-site';

export async function findSiteOf(file: string): Promise<Site> {
  const start = path.dirname(path.resolve(file));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const kind = await detectSiteKind(dir);
    if (kind !== 'unknown') return { root: dir, name: path.basename(dir), kind };
    if (path.dirname(dir) === dir) break;
  }
  return { root: start, name: path.basename(start), kind: 'unknown' };
}
