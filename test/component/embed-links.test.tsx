/** Issue 18.6: links inside embeds pass the same allowlist as every link, and never lead to this machine. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPost, renderApp } from './render-app';

const post = [
  '---',
  'title: Hostile embeds',
  '---',
  '# Hostile embeds',
  '',
  '<blockquote class="twitter-tweet"><p lang="en">Click <a href="data:text/html,<script>parent.__recapPwned=1</script>">here</a> or <a href="javascript:alert(1)">there</a> or <a href="https://example.org/ok">fine</a></p>&mdash; Mallory (@mallory) <a href="data:text/html,x">May 1, 2024</a></blockquote>',
  '',
  '<iframe src="https://127.0.0.1:22/"></iframe>',
  '',
].join('\n');

describe('links inside embeds', () => {
  it('a tweet card keeps data: and javascript: links as text; an embed of this machine offers no link', async () => {
    const { user } = await renderApp({ posts: [{ path: '_posts/2024-05-01-hostile.md', title: 'Hostile embeds', date: '2024-05-01', text: post }] });
    await openPost(user, 'Hostile embeds');
    const region = screen.getByRole('region', { name: 'Preview' });
    await within(region).findByRole('heading', { name: 'Hostile embeds' }, { timeout: 15_000 });
    const card = within(region).getByRole('figure', { name: /^Tweet by Mallory/ });
    expect(card).toHaveTextContent('Click here or there or fine');
    expect(within(card).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://example.org/ok']);
    expect(region.querySelector('[href^="data:"], [href^="javascript:"], [href*="127.0.0.1"], [src*="127.0.0.1"]')).toBeNull();
  }, 30_000);
});
