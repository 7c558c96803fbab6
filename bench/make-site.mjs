// Generates a Jekyll site of N posts shaped like the fixtures' posts (front
// matter fields, body length, tweets and images), for the index benchmark.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function makeSite(fixturesDir, target, count) {
  const sources = [];
  for (const site of ['events-jekyll', 'jekyll-docs']) {
    const dir = path.join(fixturesDir, 'sites', site, '_posts');
    for (const name of await readdir(dir)) if (/^\d{4}-/.test(name)) sources.push(await readFile(path.join(dir, name), 'utf8'));
  }
  const seed = await readFile(path.join(fixturesDir, 'seed-post.md'), 'utf8');
  await mkdir(path.join(target, '_posts'), { recursive: true });
  await writeFile(path.join(target, '_config.yml'), 'title: Bench site\n');
  const writes = [];
  for (let i = 0; i < count; i++) {
    // Mostly short news posts, every tenth a long write-up like the seed (about 15 KB on average overall).
    const source = i % 10 === 0 ? seed : sources[i % sources.length];
    const day = new Date(Date.UTC(2010, 0, 1) + i * 36e5 * 9);
    const date = day.toISOString().slice(0, 10);
    const text = source.replace(/^title: .*$/m, `title: "Post number ${i}"`).replace(/^date: .*$/m, `date: ${date}`);
    const padded = text + '\n' + 'Filler paragraph with several words in it to reach a realistic size. '.repeat(i % 10 === 0 ? 0 : 150);
    writes.push(writeFile(path.join(target, '_posts', `${date}-post-${i}.md`), padded));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
