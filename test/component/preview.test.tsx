import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPost, renderApp } from './render-app';

const hostile = [
  '---',
  'title: Hostile',
  '---',
  '# Heading',
  '',
  'Some *emphasis* and a [link](https://example.com/talk).',
  '',
  '<script>window.pwned = true</script>',
  '<img src="x.png" alt="pic" onerror="window.pwned = true">',
  '<a href="javascript:alert(1)">bad link</a>',
  '',
  '![local](/images/talk.png) ![tracker](https://tracker.example/pixel.png)',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
].join('\n');

function renderHostile() {
  return renderApp({ posts: [{ path: '_posts/2024-01-01-hostile.md', title: 'Hostile', date: '2024-01-01', text: hostile }] });
}

async function previewRegion() {
  const region = screen.getByRole('region', { name: 'Preview' });
  // The first render loads the Markdown pipeline; later ones are quick.
  await within(region).findByRole('heading', { name: 'Heading' }, { timeout: 15_000 });
  return region;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { pwned?: boolean }).pwned;
});

describe('the preview', () => {
  it('renders the body as Markdown (GFM included) and not the front matter', async () => {
    const { user } = await renderHostile();
    await openPost(user, 'Hostile');
    const region = await previewRegion();
    expect(within(region).getByText('emphasis').tagName).toBe('EM');
    expect(within(region).getByRole('table')).toBeInTheDocument();
    expect(region).not.toHaveTextContent('title: Hostile');
  });

  it('never contains script, event handlers or javascript: links', async () => {
    const { user } = await renderHostile();
    await openPost(user, 'Hostile');
    const region = await previewRegion();
    expect(region.querySelector('script')).toBeNull();
    expect(region.querySelector('[onerror]')).toBeNull();
    expect(within(region).getByRole('img', { name: 'pic' })).not.toHaveAttribute('onerror');
    expect(within(region).getByText('bad link').closest('a')?.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('loads images from the site but not from other hosts', async () => {
    const { user } = await renderHostile();
    await openPost(user, 'Hostile');
    const region = await previewRegion();
    expect(within(region).getByRole('img', { name: 'local' })).toHaveAttribute('src', 'site/images/talk.png');
    expect(within(region).queryByRole('img', { name: 'tracker' })).not.toBeInTheDocument();
    expect(region.querySelector('[src*="tracker.example"]')).toBeNull();
    expect(region).toHaveTextContent('External image not loaded: tracker');
  });

  it('follows the editor as the author types', async () => {
    const { user } = await renderHostile();
    const editor = await openPost(user, 'Hostile');
    const region = await previewRegion();
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}\n## Added later');
    expect(await within(region).findByRole('heading', { name: 'Added later' })).toBeInTheDocument();
  });

  it('a link opens in the system browser and never navigates the app', async () => {
    const { user, api } = await renderHostile();
    await openPost(user, 'Hostile');
    const region = await previewRegion();
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const before = window.location.href;

    await user.click(within(region).getByRole('link', { name: 'link' }));
    await waitFor(() => expect(api.callsOf('openLink')).toEqual([{ url: 'https://example.com/talk' }]));
    expect(window.location.href).toBe(before);
    expect(open).not.toHaveBeenCalled();

    await user.click(within(region).getByText('bad link'));
    expect(api.callsOf('openLink')).toHaveLength(1);
    expect(window.location.href).toBe(before);
  });

  it('in browser mode, where the server cannot open links, a link opens a new tab', async () => {
    const { user, api } = await renderHostile();
    api.externalOpens = false;
    await openPost(user, 'Hostile');
    const region = await previewRegion();
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    await user.click(within(region).getByRole('link', { name: 'link' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://example.com/talk', '_blank', 'noopener,noreferrer'));
  });

  it('can be hidden and shown again, by button and by the View menu', async () => {
    const { user, api } = await renderHostile();
    await openPost(user, 'Hostile');
    await previewRegion();
    await user.click(screen.getByRole('button', { name: 'Hide preview' }));
    expect(screen.queryByRole('region', { name: 'Preview' })).not.toBeInTheDocument();
    api.emit('menu', 'toggle-preview');
    expect(await screen.findByRole('region', { name: 'Preview' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide preview' })).toBeInTheDocument();
    expect(screen.getByRole('separator')).toBeInTheDocument();
  });
});
