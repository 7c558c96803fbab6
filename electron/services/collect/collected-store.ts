/**
 * Collected cards, one file per post in the per-user state folder
 * (`<stateDir>/collected/<sha256 of site root>/<sha256 of post path>.json`),
 * beside the recovery journal and never inside the site: nothing collected
 * reaches the site until the author inserts it. Writes are atomic and run
 * in order per post.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { cardKinds, type CollectedCard } from '../../../shared/collect/types';
import { RecapError } from '../../../shared/errors';
import { writeFileAtomic } from '../documents/atomic-write';
import { isInside } from '../documents/confine';

/** More cards than anyone collects for one post; bounds the file and the panel. */
export const MAX_CARDS = 500;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

const text = (max: number) => z.string().max(max);
const cardSchema = z.object({
  id: text(64),
  url: text(4096),
  kind: z.enum(cardKinds),
  facts: z.object({ handle: text(64), statusId: text(64), videoId: text(64), owner: text(200), name: text(200) }).partial(),
  details: z
    .object({ title: text(1000), author: text(1000), thumbnailUrl: text(4096), html: text(64 * 1024), embedUrl: text(4096), description: text(4000), fetchedAt: text(64) })
    .partial()
    .extend({ fetchedAt: text(64) })
    .optional(),
  error: text(1000).optional(),
  addedAt: text(64),
});
const fileSchema = z.object({ root: z.string(), path: z.string(), cards: z.array(cardSchema).max(MAX_CARDS) });

export class CollectedStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {}

  static inStateDir(stateDir: string): CollectedStore {
    return new CollectedStore(path.join(stateDir, 'collected'));
  }

  fileFor(root: string, relative: string): string {
    return path.join(this.dir, sha256(root), `${sha256(relative)}.json`);
  }

  async read(root: string, relative: string): Promise<CollectedCard[]> {
    const file = this.fileFor(root, relative);
    await this.queues.get(file)?.catch(() => undefined);
    return readCards(file, root, relative);
  }

  /**
   * Reads, changes and writes a post's cards as one step, so two quick edits
   * (a paste while details arrive) cannot lose each other's changes.
   */
  update(root: string, relative: string, change: (cards: CollectedCard[]) => CollectedCard[]): Promise<CollectedCard[]> {
    const file = this.fileFor(root, relative);
    // A state folder set inside the site (RECAP_STATE_DIR) would put private material where git can commit it.
    if (isInside(path.resolve(root), path.resolve(file))) {
      return Promise.reject(new RecapError('refused', 'Collected material would be stored inside the site folder; set RECAP_STATE_DIR to a folder outside it.'));
    }
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const cards = change(await readCards(file, root, relative));
        if (cards.length > MAX_CARDS) throw new RecapError('refused', `A post can collect at most ${MAX_CARDS} links; insert or remove some first.`);
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        await writeFileAtomic(file, JSON.stringify({ root, path: relative, cards }), { mode: 0o600 });
        return cards;
      });
    this.queues.set(file, next);
    const forget = () => {
      if (this.queues.get(file) === next) this.queues.delete(file);
    };
    next.then(forget, forget);
    return next;
  }
}

async function readCards(file: string, root: string, relative: string): Promise<CollectedCard[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  if (raw.length > MAX_FILE_BYTES) return [];
  try {
    const parsed = fileSchema.safeParse(JSON.parse(raw));
    // A damaged file or a hash collision with another post reads as nothing collected, never as foreign cards.
    return parsed.success && parsed.data.root === root && parsed.data.path === relative ? (parsed.data.cards as CollectedCard[]) : [];
  } catch {
    return [];
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
