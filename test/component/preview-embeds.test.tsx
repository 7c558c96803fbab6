import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBED_FRAME_HOSTS } from '../../shared/embeds';
import { openPost, renderApp } from './render-app';

// jsdom's import.meta.url is not a file URL: the fixtures are found from the checkout (vitest runs there).
const fixture = (...parts: string[]) => path.join(path.resolve('test', 'fixtures'), ...parts);

const seed = readFileSync(fixture('seed-post.md'), 'utf8');

const embeds = [
  '---',
  'title: Embeds',
  '---',
  '# Embeds',
  '',
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Shipping <a href="https://github.com/inlets/inlets">inlets</a> today!<br>Come say hi.</p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1195828490290860032?ref_src=twsrc%5Etfw">November 16, 2019</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
  '',
  '<iframe width="560" height="315" src="https://www.youtube.com/embed/NckMekZXRt8" frameborder="0" allowfullscreen></iframe>',
  '',
  'https://www.youtube.com/watch?v=sD7hCwq3Gw0',
  '',
  '{{< youtube dQw4w9WgXcQ >}}',
  '',
  '<iframe src="https://player.vimeo.com/video/76979871" width="640" height="360"></iframe>',
  '',
  '<iframe src="https://maps.example.com/embed?q=paris"></iframe>',
  '',
  '{% include speakers.html %} and {{ page.title }}',
  '',
  '![stage](/images/stage.png) ![remote](https://cdn.example/photo.jpg)',
  '',
].join('\n');

function renderPost(text: string, title = 'Embeds') {
  return renderApp({ posts: [{ path: '_posts/2024-01-01-embeds.md', title, date: '2024-01-01', text }] });
}

async function preview(heading: string) {
  const region = screen.getByRole('region', { name: 'Preview' });
  await within(region).findByRole('heading', { name: heading }, { timeout: 15_000 });
  return region;
}

afterEach(() => {
  delete (window as { __recapPwned?: unknown }).__recapPwned;
});

describe('preview embeds', () => {
  it('a tweet is a card built from its blockquote: author, handle, text with links, date, link to the tweet', async () => {
    const { user } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    const card = within(region).getByRole('figure', { name: 'Tweet by Alex Ellis (@alexellisuk)' });
    expect(card).toHaveTextContent('Alex Ellis');
    expect(card).toHaveTextContent('@alexellisuk');
    expect(card).toHaveTextContent('Shipping inlets today!');
    expect(within(card).getByRole('link', { name: 'inlets' })).toHaveAttribute('href', 'https://github.com/inlets/inlets');
    expect(within(card).getByRole('link', { name: 'November 16, 2019' })).toHaveAttribute('href', 'https://twitter.com/alexellisuk/status/1195828490290860032');
    expect(region.querySelector('script')).toBeNull();
  });

  it('"Archive tweet" on one card makes just that tweet a static quote in the post; widgets.js goes with the last live tweet', async () => {
    const second = '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">See you in Paris.</p>&mdash; Jane Doe (@janedoe) <a href="https://twitter.com/janedoe/status/1195828490290860099">November 17, 2019</a></blockquote>';
    const { user, api } = await renderPost(embeds.replace('# Embeds\n', `# Embeds\n\n${second}\n`));
    const editor = (await openPost(user, 'Embeds')) as HTMLTextAreaElement;
    const region = await preview('Embeds');
    await user.click(within(region).getByRole('button', { name: 'Archive tweet by Jane Doe' }));
    await waitFor(() => expect(editor.value).toContain('> See you in Paris.\n>\n> — Jane Doe (@janedoe), [November 17, 2019](https://twitter.com/janedoe/status/1195828490290860099)'));
    expect(api.callsOf('archiveTweets').at(-1)?.url).toBe('https://twitter.com/janedoe/status/1195828490290860099');
    // The other tweet is still live, so its script stays.
    expect(editor.value).toContain('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Shipping');
    expect(editor.value.match(/platform\.twitter\.com\/widgets\.js/g)).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    await waitFor(() => expect(within(region).queryByRole('figure', { name: /^Tweet by Jane Doe/ })).not.toBeInTheDocument());

    await user.click(within(region).getByRole('button', { name: 'Archive tweet by Alex Ellis' }));
    await waitFor(() => expect(editor.value).not.toContain('widgets.js'));
    expect(editor.value).not.toContain('twitter-tweet');
    expect(editor.value).toContain('[November 16, 2019](https://twitter.com/alexellisuk/status/1195828490290860032');
    expect(editor.value).toContain('> See you in Paris.');
  });

  it('the seed post shows 11 tweet cards, 10 by Alex Ellis', async () => {
    const { user } = await renderApp({ posts: [{ path: '_posts/2019-11-26-kubecon.md', title: 'Seed', date: '2019-11-26', text: seed }] });
    await openPost(user, 'Seed');
    const region = await preview('Saturday @ Cloud Native Rejekts');
    const cards = within(region).getAllByRole('figure', { name: /^Tweet by / });
    expect(cards).toHaveLength(11);
    expect(cards.filter((card) => card.getAttribute('aria-label')?.startsWith('Tweet by Alex Ellis'))).toHaveLength(10);
    expect(within(region).getAllByRole('figure', { name: /^YouTube video / })).toHaveLength(2);
    expect(within(region).getByRole('figure', { name: 'SlideShare presentation 5CIkLdzheA7P1' })).toBeInTheDocument();
  });

  it('YouTube from an iframe, a bare URL and a shortcode is a facade with the id and a Play button', async () => {
    const { user } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    for (const id of ['NckMekZXRt8', 'sD7hCwq3Gw0', 'dQw4w9WgXcQ']) {
      const facade = within(region).getByRole('figure', { name: `YouTube video ${id}` });
      expect(within(facade).getByRole('button', { name: `Play YouTube video ${id}` })).toBeInTheDocument();
    }
    expect(within(region).getByRole('figure', { name: 'Vimeo video 76979871' })).toBeInTheDocument();
    expect(within(region).getByRole('figure', { name: 'Embedded page from maps.example.com' })).toHaveTextContent('Recap does not load frames from maps.example.com');
  });

  it('with external content off (the default): no frame, the Play button explains, remote images are placeholders', async () => {
    const { user, api } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    const toggle = within(region).getByRole('switch', { name: 'Load external content' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    const play = within(region).getByRole('button', { name: 'Play YouTube video NckMekZXRt8' });
    expect(play).toHaveAttribute('aria-disabled', 'true');
    expect(play).toHaveAccessibleDescription(/Load external content/);
    await user.click(play);
    expect(region.querySelector('iframe')).toBeNull();
    expect(region).toHaveTextContent('External image not loaded: remote');
    expect(region.querySelector('[src*="cdn.example"]')).toBeNull();
    expect(api.callsOf('setPreviewSettings')).toEqual([]);
  });

  it('switched on (and remembered for the site): Play loads a sandboxed youtube-nocookie frame without allow-same-origin', async () => {
    const { user, api } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    await user.click(within(region).getByRole('switch', { name: 'Load external content' }));
    await waitFor(() => expect(api.callsOf('setPreviewSettings')).toEqual([{ externalContent: true }]));
    expect(within(region).getByRole('switch', { name: 'Load external content' })).toHaveAttribute('aria-checked', 'true');
    expect(within(region).getByRole('img', { name: 'remote' })).toHaveAttribute('src', 'https://cdn.example/photo.jpg');

    await user.click(within(region).getByRole('button', { name: 'Play YouTube video NckMekZXRt8' }));
    const frame = region.querySelector('iframe');
    expect(frame).not.toBeNull();
    const sandbox = frame!.getAttribute('sandbox') ?? '';
    expect(sandbox.split(/\s+/)).toContain('allow-scripts');
    expect(sandbox).not.toMatch(/allow-same-origin/);
    const src = new URL(frame!.getAttribute('src')!);
    expect(src.protocol).toBe('https:');
    expect(src.hostname).toBe('www.youtube-nocookie.com');
    expect(EMBED_FRAME_HOSTS).toContain(src.hostname);

    await user.click(within(region).getByRole('button', { name: 'Load live tweet by Alex Ellis' }));
    const frames = [...region.querySelectorAll('iframe')];
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(EMBED_FRAME_HOSTS).toContain(new URL(f.src).hostname);
  });

  it('remembers the switch per site: a site with external content on starts on', async () => {
    const { user, api } = await renderPost(embeds);
    api.previewSettings = { externalContent: true };
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    await waitFor(() => expect(within(region).getByRole('switch', { name: 'Load external content' })).toHaveAttribute('aria-checked', 'true'));
  });

  it('template tags render as inert chips, as written', async () => {
    const { user } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    const chips = [...region.querySelectorAll('code.template-tag')].map((chip) => chip.textContent);
    expect(chips).toEqual(['{% include speakers.html %}', '{{ page.title }}']);
  });

  it('site images load through the guarded site/ route; a missing one shows a marker with its path', async () => {
    const { user } = await renderPost(embeds);
    await openPost(user, 'Embeds');
    const region = await preview('Embeds');
    const image = within(region).getByRole('img', { name: 'stage' });
    expect(image).toHaveAttribute('src', 'site/images/stage.png');
    fireEvent.error(image);
    expect(await within(region).findByRole('img', { name: 'Missing image: /images/stage.png' })).toBeInTheDocument();
  });
});
