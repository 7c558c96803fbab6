/**
 * Issue 18.4: no input freezes the server. While one client's check of a
 * pathological post runs, another client is answered within a second (the
 * check runs on a worker thread with a time and memory budget), over the real
 * WebSocket of a real `recap serve`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../support/browser';
import { copyFixture } from '../support/fixtures';
import { connect, type TestClient } from '../support/ws-client';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const STARS = `---\ntitle: Stars\n---\n${'*'.repeat(20_000)}word${'*'.repeat(20_000)}\n`;
/** About 840 KB of links: remark needs many seconds and gigabytes for it unbounded. */
const LINKS = `---\ntitle: Links\n---\n${'[a](https://example.com/z)\n\n'.repeat(30_000)}`;

describe('a pathological post does not freeze browser mode', () => {
  let served: Served;
  let author: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    served = await serve(await copyFixture('sites', 'events-jekyll'));
    const { port, searchParams } = new URL(served.url);
    const api = `ws://127.0.0.1:${port}/s/${searchParams.get('token')}/api`;
    author = await connect(api, { Origin: served.origin });
    other = await connect(api, { Origin: served.origin });
    expect(await other.call('listPosts')).toMatchObject({ ok: true }); // warm: the site is listed once
  });

  afterAll(async () => {
    author?.close();
    other?.close();
    await served?.stop();
  });

  /** How long the other client waits for a listing and a post while `pending` runs. */
  async function otherClientWhile(pending: Promise<unknown>): Promise<number[]> {
    void pending;
    await new Promise((resolve) => setTimeout(resolve, 150)); // the check is under way
    const waits: number[] = [];
    for (const [method, input] of [['listPosts', {}], ['readPost', { path: PARIS }], ['getSession', {}]] as const) {
      const start = performance.now();
      expect(await other.call(method, input), method).toMatchObject({ ok: true });
      waits.push(performance.now() - start);
    }
    return waits;
  }

  it('answers a second client within a second while thousands of links are checked, then reports the post', async () => {
    const checking = author.call('checkPost', { path: PARIS, text: LINKS });
    for (const wait of await otherClientWhile(checking)) expect(wait).toBeLessThan(1000);
    const result = await checking;
    expect(result.ok).toBe(true);
    if (result.ok) {
      const messages = (result.result as Array<{ message: string }>).map((p) => p.message);
      // Either the check finished within its budget or it was stopped and said so; the server never froze.
      expect(messages.length).toBeGreaterThan(0);
    }
  });

  it('checks 20,000 *, a word and 20,000 * at once (the runs are bounded), others answered meanwhile', async () => {
    const start = performance.now();
    const result = await author.call('checkPost', { path: PARIS, text: STARS + '\nAn [empty link]().\n' });
    const took = performance.now() - start;
    expect(result.ok).toBe(true);
    if (result.ok) {
      const problems = result.result as Array<{ rule: string; message: string }>;
      expect(problems.map((p) => p.rule)).toContain('empty-link');
      expect(problems.map((p) => p.message).join('\n')).not.toMatch(/too complex/);
    }
    expect(took).toBeLessThan(10_000); // unbounded, remark took 46–81 s
  });
});
