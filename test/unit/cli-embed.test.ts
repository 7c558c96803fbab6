import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { recap } from '../support/cli';
import { fixture, tempDir } from '../support/fixtures';

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42';
const TWEET = 'https://x.com/alexellisuk/status/1195828490290860032?s=20';

describe('recap embed', () => {
  test('prints HTML embeds by default: a YouTube iframe, a tweet with widgets.js once', async () => {
    const video = await recap(['embed', YOUTUBE]);
    expect(video).toMatchObject({ code: 0, stderr: '' });
    expect(video.stdout).toMatch(/^<iframe width="560" height="315" src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ" .*<\/iframe>\n$/);
    const tweet = await recap(['embed', TWEET]);
    expect(tweet.stdout).toBe(
      '<blockquote class="twitter-tweet">&mdash; (@alexellisuk) <a href="https://x.com/alexellisuk/status/1195828490290860032">https://x.com/alexellisuk/status/1195828490290860032</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
    );
    expect((await recap(['embed', TWEET, '--no-script'])).stdout).not.toContain('widgets.js');
  });

  test('--site writes it the way the site does: HTML for the Jekyll event blog, shortcodes for a Hugo site that uses them', async () => {
    const jekyll = await recap(['embed', YOUTUBE, '--site', fixture('sites', 'events-jekyll')]);
    expect(jekyll.stdout).toContain('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ"');
    expect((await recap(['embed', TWEET, '--site', fixture('sites', 'events-jekyll')])).stdout).toContain('<blockquote class="twitter-tweet">');

    const hugo = await tempDir('recap-hugo-');
    await writeFile(path.join(hugo, 'hugo.toml'), 'title = "x"\n');
    await mkdir(path.join(hugo, 'content', 'posts'), { recursive: true });
    await writeFile(path.join(hugo, 'content', 'posts', 'talk.md'), '---\ntitle: Talk\n---\n\n{{< youtube NckMekZXRt8 >}}\n\n{{< tweet user="a" id="1" >}}\n');
    expect((await recap(['embed', YOUTUBE, '--site', hugo])).stdout).toBe('{{< youtube dQw4w9WgXcQ >}}\n');
    expect((await recap(['embed', TWEET, '--site', hugo])).stdout).toBe('{{< tweet user="alexellisuk" id="1195828490290860032" >}}\n');
  });

  test('other links become Markdown links; a URL it cannot read is a usage error (exit 2)', async () => {
    expect((await recap(['embed', 'https://github.com/openfaas/faas'])).stdout).toBe('[openfaas/faas](https://github.com/openfaas/faas)\n');
    const bad = await recap(['embed', 'not a url']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('recap: "not a url" is not a web link (http or https). See `recap embed --help`.\n');
    const noId = await recap(['embed', 'https://twitter.com/alexellisuk/status/abc']);
    expect(noId.code).toBe(2);
    expect((await recap(['embed'])).code).toBe(2);
    expect((await recap(['embed', '--help'])).stdout).toContain('Usage: recap embed <url> [--site <folder>]');
  });
});
