import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SiteSchema } from '../../shared/front-matter/schema';
import type { FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

/** The fields events-jekyll's schema infers, in its template's order. */
const eventsSchema: SiteSchema = {
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true, frequency: 1 },
    { key: 'description', label: 'Description', type: 'long-text', required: false, frequency: 0.75 },
    { key: 'date', label: 'Date', type: 'date', required: true, frequency: 1 },
    { key: 'image', label: 'Image', type: 'image', required: false, frequency: 0.75 },
    { key: 'categories', label: 'Categories', type: 'tags', required: true, frequency: 1, suggestions: ['events', 'kubecon', 'kubernetes', 'community'] },
    { key: 'author_staff_member', label: 'Author staff member', type: 'choice', required: true, frequency: 1, choices: ['alex', 'sam'], suggestions: ['alex', 'sam'] },
    { key: 'dark_background', label: 'Dark background', type: 'boolean', required: false, frequency: 0.5 },
  ],
};

const SEED_FRONT_MATTER = [
  '---',
  'title: "Our KubeCon San Diego Highlights"',
  'description: We share our highlights from the OpenFaaS community and friends at KubeCon.',
  'date: 2019-11-26',
  'image: /images/2019-kubecon-san-diego/background.jpg',
  'categories:',
  '  - serverless',
  '  - paas',
  '  - events',
  'author_staff_member: alex',
  'dark_background: true',
  '',
  '---',
  '',
].join('\n');
const SEED_BODY = 'We share our highlights.\n';

const posts: FakePost[] = [
  { path: '_posts/2019-11-26-kubecon-san-diego-highlights.md', title: 'San Diego', date: '2019-11-26', text: SEED_FRONT_MATTER + SEED_BODY },
  {
    path: '_posts/2023-09-14-devopsdays-amsterdam.md',
    title: 'Amsterdam',
    date: '2023-09-15',
    text: '---\ntitle: DevOpsDays Amsterdam notes\ndate: 2023-09-15\ncategories: [events, devops]\nauthor_staff_member: jordan\nimage: /images/2023-devopsdays-amsterdam/cover.jpg\n---\nQuick notes.\n',
  },
  {
    path: '_posts/2024-03-22-kubecon-paris-recap.md',
    title: 'Paris',
    date: '2024-03-22 09:30:00 +0100',
    text: '---\ntitle: "KubeCon Paris"\ndate: 2024-03-22 09:30:00 +0100\ncategories:\n  - kubecon\nauthor_staff_member: sam\n# A comment that stays.\n---\nParis was busy.\n',
  },
  {
    path: '_posts/2022-01-01-extras.md',
    title: 'Extras',
    date: '2022-01-01',
    text: '---\ntitle: Extras\ndate: 2022-01-01\ncategories: [events]\nauthor_staff_member: sam\nlayout: post\nvenue:\n  city: Paris\n  room: A\n---\nBody.\n',
  },
  {
    path: '_posts/2020-01-01-broken.md',
    title: 'Broken',
    date: '2020-01-01',
    text: '---\ntitle: [oops\n---\nBody that must survive.\n',
    frontMatterError: { message: 'The YAML front matter is invalid: unexpected end of flow sequence.', line: 2 },
  },
];

async function openWithSchema(title: string, { waitForSchema = true } = {}) {
  const app = await renderApp({ posts });
  app.api.schema = eventsSchema;
  const editor = await openPost(app.user, title);
  const region = screen.getByRole('region', { name: 'Front matter' });
  // The schema arrives after the post; only with it is the author a choice.
  if (waitForSchema) await within(region).findByRole('combobox', { name: 'Author staff member' });
  return { ...app, editor, region };
}

async function showSource(user: Awaited<ReturnType<typeof openWithSchema>>['user'], region: HTMLElement) {
  const toggle = within(region).getByRole('button', { name: 'Edit source' });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
  return within(region).getByRole('textbox', { name: 'Front matter source' }) as HTMLTextAreaElement;
}

/** Indexes of the lines that differ between two texts of the same line count. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

describe('the front matter form', () => {
  it('shows a labelled control per field, in the schema’s order', async () => {
    const { region } = await openWithSchema('San Diego');
    const labels = Array.from(region.querySelectorAll('label')).map((label) => label.textContent);
    expect(labels).toEqual(['Title', 'Description', 'Date', 'Image', 'Categories', 'Author staff member', 'Dark background']);

    const form = within(region);
    expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue('Our KubeCon San Diego Highlights');
    expect(form.getByRole('textbox', { name: 'Description' }).tagName).toBe('TEXTAREA');
    expect(form.getByLabelText('Date')).toHaveAttribute('type', 'date');
    expect(form.getByLabelText('Date')).toHaveValue('2019-11-26');
    expect(form.getByRole('textbox', { name: 'Image' })).toHaveValue('/images/2019-kubecon-san-diego/background.jpg');
    expect(form.getByRole('combobox', { name: 'Categories' })).toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Remove serverless' })).toBeInTheDocument();
    const author = form.getByRole('combobox', { name: 'Author staff member' });
    expect(within(author).getAllByRole('option').map((o) => o.textContent)).toEqual(['alex', 'sam']);
    expect(author).toHaveValue('alex');
    expect(form.getByRole('checkbox', { name: 'Dark background' })).toBeChecked();
    expect(form.queryByRole('textbox', { name: 'Front matter source' })).not.toBeInTheDocument();
    // A valid post shows no problems.
    expect(region.querySelector('[aria-invalid="true"]')).toBeNull();
  });

  it('editing the title changes exactly one line of the source and of the saved file', async () => {
    const { user, api, region } = await openWithSchema('San Diego');
    const title = within(region).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'San Diego, revisited');
    expect(title).toHaveValue('San Diego, revisited');

    const source = await showSource(user, region);
    expect(changedLines(SEED_FRONT_MATTER, source.value)).toEqual([1]);
    expect(source.value.split('\n')[1]).toBe('title: "San Diego, revisited"');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    const saved = api.files.get(posts[0]!.path)!;
    expect(changedLines(posts[0]!.text, saved)).toEqual([1]);
    expect(saved.endsWith(SEED_BODY)).toBe(true);
  });

  it('the one-line summary follows an edited title, and keeps it while the body is typed in', async () => {
    const { user, editor, region } = await openWithSchema('San Diego');
    expect(screen.getByRole('button', { name: /^Front matter: ?Our KubeCon San Diego Highlights · 2019-11-26 · alex · serverless, paas, events$/ })).toBeInTheDocument();
    await user.type(editor, ' Typed in the body.');
    expect(screen.getByRole('button', { name: /^Front matter: ?Our KubeCon San Diego Highlights · 2019-11-26/ })).toBeInTheDocument();

    const title = within(region).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'San Diego, revisited');
    expect(screen.getByRole('button', { name: /^Front matter: ?San Diego, revisited · 2019-11-26/ })).toBeInTheDocument();
    await user.type(editor, ' And more.');
    expect(screen.getByRole('button', { name: /^Front matter: ?San Diego, revisited · 2019-11-26/ })).toBeInTheDocument();
  });

  it('adding a category chip edits only the list; removing one removes only its line', async () => {
    const { user, region } = await openWithSchema('San Diego');
    const categories = within(region).getByRole('combobox', { name: 'Categories' });
    // Suggestions exclude what the post already has.
    const options = Array.from(document.getElementById(categories.getAttribute('list')!)!.querySelectorAll('option')).map((o) => o.value);
    expect(options).toEqual(['kubecon', 'kubernetes', 'community']);

    await user.type(categories, 'community{Enter}');
    expect(categories).toHaveValue('');
    expect(within(region).getByRole('button', { name: 'Remove community' })).toBeInTheDocument();
    const source = await showSource(user, region);
    const lines = SEED_FRONT_MATTER.split('\n');
    expect(source.value).toBe([...lines.slice(0, 9), '  - community', ...lines.slice(9)].join('\n'));

    await user.click(within(region).getByRole('button', { name: 'Remove paas' }));
    expect(source.value).toBe([...lines.slice(0, 7), lines[8], '  - community', ...lines.slice(9)].join('\n'));
    // Focus moves to the chip that took its place, so the keyboard stays in the list.
    expect(within(region).getByRole('button', { name: 'Remove events' })).toHaveFocus();
  });

  it('a choice offers alex and sam; jordan is flagged with a message, and saving still works', async () => {
    const { user, api, editor, region } = await openWithSchema('Amsterdam');
    const author = within(region).getByRole('combobox', { name: 'Author staff member' });
    expect(within(author).getAllByRole('option').map((o) => o.textContent)).toEqual(['alex', 'sam', 'jordan (unknown)']);
    expect(author).toHaveValue('jordan');
    expect(author).toHaveAttribute('aria-invalid', 'true');
    expect(author).toHaveAccessibleDescription(/"jordan" is not a known author staff member/);

    await user.type(editor, 'More notes.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(api.files.get(posts[1]!.path)).toContain('author_staff_member: jordan\n');

    await user.selectOptions(author, 'sam');
    expect(author).not.toHaveAttribute('aria-invalid');
    const source = await showSource(user, region);
    const block = posts[1]!.text.slice(0, posts[1]!.text.indexOf('Quick notes.'));
    expect(changedLines(block, source.value)).toEqual([4]);
    expect(source.value).toContain('author_staff_member: sam\n');
  });

  it('a date keeps the shape it was written in', async () => {
    const { user, region } = await openWithSchema('Paris');
    const date = within(region).getByLabelText('Date');
    const time = within(region).getByLabelText('Time');
    expect(date).toHaveValue('2024-03-22');
    expect(time).toHaveValue('09:30:00');
    expect(within(region).getByText('+0100')).toBeInTheDocument();

    fireEvent.change(date, { target: { value: '2024-03-23' } });
    fireEvent.change(time, { target: { value: '10:15:00' } });
    const source = await showSource(user, region);
    expect(source.value).toBe(posts[2]!.text.replace('2024-03-22 09:30:00 +0100', '2024-03-23 10:15:00 +0100').replace('Paris was busy.\n', ''));
  });

  it('a date-only value stays a date', async () => {
    const { user, region } = await openWithSchema('San Diego');
    fireEvent.change(within(region).getByLabelText('Date'), { target: { value: '2019-11-27' } });
    const source = await showSource(user, region);
    expect(source.value).toBe(SEED_FRONT_MATTER.replace('date: 2019-11-26', 'date: 2019-11-27'));
  });

  it('"Hide fields" folds the form away for a taller editor, and the choice holds for the next post', async () => {
    const { user, region } = await openWithSchema('San Diego');
    await user.click(within(region).getByRole('button', { name: 'Hide fields' }));
    expect(within(region).queryByLabelText('Title')).not.toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Show fields' })).toHaveAttribute('aria-expanded', 'false');
    await openPost(user, 'Paris');
    const showFields = await screen.findByRole('button', { name: 'Show fields' });
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
    await user.click(showFields);
    expect(await screen.findByLabelText('Title')).toHaveValue('KubeCon Paris');
  });

  it('editing the source updates the form', async () => {
    const { user, region } = await openWithSchema('San Diego');
    const source = await showSource(user, region);
    fireEvent.change(source, { target: { value: SEED_FRONT_MATTER.replace('author_staff_member: alex', 'author_staff_member: sam').replace('dark_background: true', 'dark_background: false') } });
    expect(within(region).getByRole('combobox', { name: 'Author staff member' })).toHaveValue('sam');
    expect(within(region).getByRole('checkbox', { name: 'Dark background' })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
  });

  it('broken source shows the error with its line; the form is read-only and the body editable until it is fixed', async () => {
    const { user, editor, region } = await openWithSchema('San Diego');
    const source = await showSource(user, region);
    const broken = SEED_FRONT_MATTER.replace('categories:', 'categories: [serverless');
    fireEvent.change(source, { target: { value: broken } });

    expect(within(region).getByRole('alert')).toHaveTextContent(/^Line \d+: The YAML front matter is invalid/);
    const title = within(region).getByRole('textbox', { name: 'Title' });
    expect(title).toBeDisabled();
    expect(title).toHaveValue('Our KubeCon San Diego Highlights');
    expect(within(region).getByRole('button', { name: 'Remove serverless' })).toBeDisabled();
    // The source cannot be hidden while it is the only way to fix it.
    expect(within(region).getByRole('button', { name: 'Edit source' })).toHaveAttribute('aria-expanded', 'true');
    await user.type(editor, 'Still typing.');
    expect(editor).toHaveValue(SEED_BODY + 'Still typing.');
    expect(source).toHaveValue(broken);

    fireEvent.change(source, { target: { value: SEED_FRONT_MATTER } });
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(region).getByRole('textbox', { name: 'Title' })).toBeEnabled();
  });

  it('a post that opens broken shows its source and error, and no form until fixed', async () => {
    const { user, api, region } = await openWithSchema('Broken', { waitForSchema: false });
    expect(within(region).getByRole('alert')).toHaveTextContent('Line 2: The YAML front matter is invalid');
    const source = within(region).getByRole('textbox', { name: 'Front matter source' });
    expect(source).toHaveValue('---\ntitle: [oops\n---\n');
    expect(within(region).queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();

    await user.clear(source);
    await user.type(source, '---\ntitle: Fixed\n---\n');
    await waitFor(() => expect(within(region).getByRole('textbox', { name: 'Title' })).toHaveValue('Fixed'));
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.files.get('_posts/2020-01-01-broken.md')).toBe('---\ntitle: Fixed\n---\nBody that must survive.\n'));
  });

  it('keys the schema does not know are shown; nested values are read-only with a way to the source', async () => {
    const { user, region } = await openWithSchema('Extras');
    expect(within(region).getByRole('textbox', { name: 'Layout' })).toHaveValue('post');
    const venue = within(region).getByLabelText('Venue');
    expect(venue.tagName).toBe('OUTPUT');
    expect(venue).toHaveTextContent('A map of city, room');
    await user.click(within(region).getByRole('button', { name: 'Edit in source' }));
    expect(within(region).getByRole('textbox', { name: 'Front matter source' })).toHaveValue(
      '---\ntitle: Extras\ndate: 2022-01-01\ncategories: [events]\nauthor_staff_member: sam\nlayout: post\nvenue:\n  city: Paris\n  room: A\n---\n',
    );
  });

  it('"Add field" offers the schema’s other fields; an added field writes one line when set', async () => {
    const { user, region } = await openWithSchema('Amsterdam');
    expect(within(region).queryByRole('checkbox', { name: 'Dark background' })).not.toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Add field' }));
    const offers = within(region).getByRole('list', { name: 'Fields to add' });
    expect(within(offers).getAllByRole('button').map((b) => b.textContent)).toEqual(['Description', 'Dark background']);
    await user.click(within(offers).getByRole('button', { name: 'Dark background' }));
    const checkbox = within(region).getByRole('checkbox', { name: 'Dark background' });
    expect(checkbox).toHaveFocus();
    const source = await showSource(user, region);
    const before = source.value;
    await user.click(checkbox);
    expect(source.value.split('\n')).toHaveLength(before.split('\n').length + 1);
    expect(source.value).toContain('dark_background: true\n');
  });

  it('a missing required field is flagged but a draft’s missing date is not', async () => {
    const app = await renderApp({
      posts: [
        { path: '_drafts/idea.md', title: 'Idea', date: null, draft: true, text: '---\ntitle: Idea\ncategories: [events]\nauthor_staff_member: sam\n---\n' },
        { path: '_posts/2024-01-01-undated.md', title: 'Undated', date: null, text: '---\ntitle: Undated\ncategories: [events]\nauthor_staff_member: sam\n---\n' },
      ],
    });
    app.api.schema = eventsSchema;
    await openPost(app.user, 'Undated');
    let region = screen.getByRole('region', { name: 'Front matter' });
    await waitFor(() => expect(within(region).getByLabelText('Date')).toHaveAttribute('aria-invalid', 'true'));
    expect(within(region).getByLabelText('Date')).toHaveAccessibleDescription('Date is required.');

    await openPost(app.user, 'Idea');
    region = screen.getByRole('region', { name: 'Front matter' });
    await waitFor(() => expect(within(region).getByRole('textbox', { name: 'Title' })).toHaveValue('Idea'));
    expect(within(region).getByLabelText('Date')).not.toHaveAttribute('aria-invalid');
  });

  it('the image field shows a thumbnail of the site’s file, and a calm note when there is none', async () => {
    const { region } = await openWithSchema('San Diego');
    const image = await waitFor(() => {
      const img = region.querySelector('img');
      expect(img).not.toBeNull();
      return img!;
    });
    expect(new URL(image.src).pathname).toBe('/site/images/2019-kubecon-san-diego/background.jpg');
    act(() => {
      fireEvent.error(image);
    });
    expect(within(region).getByText('Not found')).toBeInTheDocument();
  });
});
