import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SiteSchema } from '../../shared/front-matter/schema';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const schema: SiteSchema = {
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true, frequency: 1 },
    { key: 'image', label: 'Image', type: 'image', required: false, frequency: 0.75 },
    { key: 'categories', label: 'Categories', type: 'tags', required: false, frequency: 1 },
  ],
};

const FRONT_MATTER = ['---', 'title: KubeCon San Diego', 'image: /images/old.jpg', 'categories: [events]', '---', ''].join('\n');
const POST: FakePost = { path: '_posts/2019-11-26-kubecon-san-diego.md', title: 'San Diego', date: '2019-11-26', text: `${FRONT_MATTER}Body.\n` };

async function openPicker() {
  const app = await renderApp({ posts: [POST] });
  app.api.schema = schema;
  app.api.siteFiles = [
    'images/2018-devoxx/hall.jpg',
    'images/kubecon-san-diego/stage.jpg',
    'images/kubecon-san-diego/booth.png',
    'images/notes.txt',
    'assets/logo.svg',
  ];
  app.api.thumbnails.set('/images/kubecon-san-diego/stage.jpg', 'data:image/webp;base64,UklGRg==');
  await openPost(app.user, 'San Diego');
  const region = screen.getByRole('region', { name: 'Front matter' });
  await within(region).findByRole('textbox', { name: 'Image' });
  await app.user.click(within(region).getByRole('button', { name: 'Choose image' }));
  const dialog = await screen.findByRole('dialog', { name: 'Choose an image' });
  await within(dialog).findByRole('button', { name: 'images/kubecon-san-diego/booth.png' });
  return { ...app, region, dialog };
}

const imageButtons = (dialog: HTMLElement) => within(within(dialog).getByRole('list', { name: 'Site images' })).getAllByRole('button').map((b) => b.textContent);

describe('the image field’s picker', () => {
  it('lists the site’s images as thumbnails, the post’s own first, and search narrows them', async () => {
    const { user, dialog, api } = await openPicker();
    expect(api.calls.some((c) => c.method === 'siteImages')).toBe(true);
    expect(imageButtons(dialog)).toEqual(['images/kubecon-san-diego/booth.png', 'images/kubecon-san-diego/stage.jpg', 'assets/logo.svg', 'images/2018-devoxx/hall.jpg']);
    // The cached thumbnail where one can be made; the file itself through the guarded site route where not (an SVG).
    const thumbOf = (name: string) => within(dialog).getByRole('button', { name }).querySelector('img');
    await waitFor(() => expect(thumbOf('images/kubecon-san-diego/stage.jpg')).toHaveAttribute('src', 'data:image/webp;base64,UklGRg=='));
    expect(new URL(thumbOf('assets/logo.svg')!.src).pathname).toBe('/site/assets/logo.svg');
    expect(api.calls.filter((c) => c.method === 'photoThumbnails')).toHaveLength(1);

    const search = within(dialog).getByRole('searchbox', { name: 'Search images' });
    expect(search).toHaveFocus();
    await user.type(search, 'STAGE');
    expect(imageButtons(dialog)).toEqual(['images/kubecon-san-diego/stage.jpg']);
    await user.clear(search);
    await user.type(search, 'nothing-like-this');
    expect(within(dialog).getByText('No image matches “nothing-like-this”.')).toBeInTheDocument();
  });

  it('choosing an image sets the field to its site path and changes one line of the source', async () => {
    const { user, dialog, region } = await openPicker();
    await user.click(within(dialog).getByRole('button', { name: 'images/kubecon-san-diego/stage.jpg' }));
    expect(screen.queryByRole('dialog', { name: 'Choose an image' })).not.toBeInTheDocument();
    await waitFor(() => expect(within(region).getByRole('textbox', { name: 'Image' })).toHaveValue('/images/kubecon-san-diego/stage.jpg'));

    await user.click(within(region).getByRole('button', { name: 'Edit source' }));
    const source = within(region).getByRole('textbox', { name: 'Front matter source' }) as HTMLTextAreaElement;
    const before = FRONT_MATTER.split('\n');
    const after = source.value.split('\n');
    expect(after).toHaveLength(before.length);
    expect(before.flatMap((line, i) => (line === after[i] ? [] : [i]))).toEqual([2]);
    expect(after[2]).toBe('image: /images/kubecon-san-diego/stage.jpg');
  });

  it('the keyboard alone chooses: Down from the search to the thumbnails, Right to the next, Enter', async () => {
    const { user, dialog, region } = await openPicker();
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('button', { name: 'images/kubecon-san-diego/booth.png' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('button', { name: 'images/kubecon-san-diego/stage.jpg' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(region).getByRole('textbox', { name: 'Image' })).toHaveValue('/images/kubecon-san-diego/stage.jpg'));
  });

  it('Escape closes the picker and leaves the field as it was', async () => {
    const { user, region } = await openPicker();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Choose an image' })).not.toBeInTheDocument();
    expect(within(region).getByRole('textbox', { name: 'Image' })).toHaveValue('/images/old.jpg');
    expect(within(region).getByRole('button', { name: 'Choose image' })).toHaveFocus();
  });
});
