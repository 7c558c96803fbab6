/**
 * A Jekyll site of N posts shaped like the fixtures' posts (their front
 * matter, the seed's tweets and images, news-post bodies padded to about
 * 15 KB on average), for the index benchmark.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function makeSite(fixturesDir: string, target: string, count: number): Promise<void> {
  const sources: string[] = [];
  for (const site of ['events-jekyll', 'jekyll-docs']) {
    const dir = path.join(fixturesDir, 'sites', site, '_posts');
    for (const name of await readdir(dir)) if (/^\d{4}-/.test(name)) sources.push(await readFile(path.join(dir, name), 'utf8'));
  }
  const seed = await readFile(path.join(fixturesDir, 'seed-post.md'), 'utf8');
  await mkdir(path.join(target, '_posts'), { recursive: true });
  await writeFile(path.join(target, '_config.yml'), 'title: Bench site\n');
  const filler = 'Filler paragraph with several words in it, so the post reaches a realistic size. ';
  let pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    // Every tenth post is a long write-up like the seed, the rest news posts.
    const source = i % 10 === 0 ? seed : sources[i % sources.length]!;
    const date = new Date(Date.UTC(2010, 0, 1) + i * 9 * 3_600_000).toISOString().slice(0, 10);
    const text = source.replace(/^title: .*$/m, `title: "Post number ${i}"`).replace(/^date: .*$/m, `date: ${date}`);
    pending.push(writeFile(path.join(target, '_posts', `${date}-post-${i}.md`), text + '\n' + filler.repeat(i % 10 === 0 ? 0 : 150)));
    if (pending.length >= 256) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
}
