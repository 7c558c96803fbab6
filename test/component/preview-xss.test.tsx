import { screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPost, renderApp } from './render-app';

// jsdom's import.meta.url is not a file URL: the fixtures are found from the checkout (vitest runs there).
const fixture = (...parts: string[]) => path.join(path.resolve('test', 'fixtures'), ...parts);

const vectors = readFileSync(fixture('bad', 'xss-vectors.md'), 'utf8');

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { __recapPwned?: unknown }).__recapPwned;
});

describe('the preview of hostile HTML (xss-vectors.md)', () => {
  it('renders every vector inert: no script, no handlers, no javascript: or data: links, no frames, forms, meta or base', async () => {
    const { user, api } = await renderApp({ posts: [{ path: '_drafts/xss-vectors.md', title: 'XSS vectors', date: null, draft: true, text: vectors }] });
    // Even with external content on, nothing hostile gets through.
    api.previewSettings = { externalContent: true };
    await openPost(user, 'XSS vectors');
    const region = screen.getByRole('region', { name: 'Preview' });
    await within(region).findByText(/Every line below must render inert/, undefined, { timeout: 15_000 });
    await waitFor(() => expect(within(region).getByRole('switch', { name: 'Load external content' })).toHaveAttribute('aria-checked', 'true'));

    const body = region.querySelector('article')!;
    expect(body.querySelectorAll('script, iframe, object, embed, form, meta, base, link, style, svg, math')).toHaveLength(0);
    for (const element of body.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
        expect(attribute).not.toBe('style');
        expect(attribute).not.toBe('srcdoc');
      }
      for (const name of ['href', 'src', 'action', 'data', 'formaction']) {
        expect(element.getAttribute(name) ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    expect(body.innerHTML).not.toMatch(/url\(/i);
    // The frame with a javascript: URL is a facade that will not load.
    expect(within(region).getByRole('figure', { name: 'Embedded page from an unknown host' })).toHaveTextContent('Recap does not load frames');
    expect((window as { __recapPwned?: unknown }).__recapPwned).toBeUndefined();
  });

  it('clicking what is left never navigates the app', async () => {
    const { user, api } = await renderApp({ posts: [{ path: '_drafts/xss-vectors.md', title: 'XSS vectors', date: null, draft: true, text: vectors }] });
    await openPost(user, 'XSS vectors');
    const region = screen.getByRole('region', { name: 'Preview' });
    await within(region).findByText(/Every line below must render inert/, undefined, { timeout: 15_000 });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const before = window.location.href;
    await user.click(within(region).getByText('javascript link'));
    await user.click(within(region).getByRole('link', { name: 'plain external link' }));
    await waitFor(() => expect(api.callsOf('openLink')).toEqual([{ url: 'https://example.org/' }]));
    expect(window.location.href).toBe(before);
    expect(open).not.toHaveBeenCalled();
    expect((window as { __recapPwned?: unknown }).__recapPwned).toBeUndefined();
  });
});
