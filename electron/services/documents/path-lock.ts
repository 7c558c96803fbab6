/**
 * One critical section per file: the hash check and the rename of a save
 * (and of a front-matter edit) run one at a time per path in this process,
 * so two saves on one base cannot both pass the check; the second sees the
 * first's bytes and gets the conflict.
 */
import path from 'node:path';

const tails = new Map<string, Promise<unknown>>();

export function withPathLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
