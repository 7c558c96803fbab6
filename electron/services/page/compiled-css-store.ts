/**
 * Compiled Sass kept in the per-user state folder (`compiled-css/`), by the
 * same key as the in-memory cache (the expanded entry and the stats of every
 * partial it may load): the first Page view after Recap starts again does
 * not compile, nor even load, Sass. Files are sealed (a torn or foreign one
 * reads as missing) and at most 64 are kept.
 */
import path from 'node:path';
import { pruneOldest, readSealed, sealedPath, writeSealed, type SealedId } from '../cache/sealed-file';

const KEPT_FILES = 64;

export class CompiledCssStore {
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = path.join(stateDir, 'compiled-css');
  }

  get(key: string): string | null {
    const css = readSealed(sealedPath(this.dir, key), idOf(key));
    return typeof css === 'string' ? css : null;
  }

  /** Never fails the page: a state folder that cannot be written only means compiling again next time. */
  async put(key: string, css: string): Promise<void> {
    try {
      if (await writeSealed(sealedPath(this.dir, key), idOf(key), css)) await pruneOldest(this.dir, KEPT_FILES);
    } catch {
      // Read-only or full state folder.
    }
  }
}

function idOf(key: string): SealedId {
  return { kind: 'recap-compiled-css', format: 1, key };
}
