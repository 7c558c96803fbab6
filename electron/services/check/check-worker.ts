/**
 * Worker thread entry (bundled to out/workers/check-worker.cjs): checks one
 * post per message, so a post that makes the parser run away costs this
 * thread, never the event loop that answers every client. The site's facts
 * (schema, file list) arrive once per version, not with every post.
 */
import { parentPort } from 'node:worker_threads';
import { checkBytes, checkText, type CheckedPost, type CheckFacts } from './check-bytes';

export type CheckWorkerMessage =
  | { type: 'facts'; factsId: number; site: CheckFacts['site']; schema: CheckFacts['schema']; files: string[] }
  | { type: 'check'; id: number; factsId: number; path: string; bytes?: Uint8Array; text?: string };

export type CheckWorkerReply = { id: number; ok: true; checked: CheckedPost } | { id: number; ok: false; message: string };

/** Sent once the bundle is loaded: a post's time budget starts here, not while the worker starts. */
export const READY = { id: 0, ready: true } as const;

/** Facts by id; the pool sends a new id when the site's files or schema change, so only the latest few are kept. */
const facts = new Map<number, CheckFacts>();

parentPort?.on('message', (message: CheckWorkerMessage) => {
  if (message.type === 'facts') {
    facts.set(message.factsId, { site: message.site, schema: message.schema, files: new Set(message.files) });
    for (const id of facts.keys()) if (facts.size > 4 && id !== message.factsId) facts.delete(id);
    return;
  }
  try {
    const known = facts.get(message.factsId);
    if (!known) throw new Error('the site facts for this check were not sent');
    const checked =
      message.bytes !== undefined ? checkBytes(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength), message.path, known) : checkText(message.text ?? '', message.path, known);
    parentPort!.postMessage({ id: message.id, ok: true, checked } satisfies CheckWorkerReply);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies CheckWorkerReply);
  }
});
parentPort?.postMessage(READY);
