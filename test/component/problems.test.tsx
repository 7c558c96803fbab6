import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkPost } from '../../shared/check';
import type { MethodInput } from '../../shared/api';
import type { FakeApi, FakePost } from './fake-api';
import { openPost, renderApp } from './render-app';

const FRONT = '---\ntitle: Checked post\ndate: 2024-05-20\n---\n';
const BODY = 'Intro line.\n\nTry [k3sup]() today.\n\nCool ðŸ˜Ž here and ðŸŒ® there.\n';
const post: FakePost = { path: '_posts/2024-05-20-checked-post.md', title: 'Checked post', date: '2024-05-20', text: FRONT + BODY };

/** The fake answers with the real check of whatever text it is sent, so fixes make problems go away. */
function withRealCheck(api: FakeApi): void {
  api.checkPost = async (input: MethodInput<'checkPost'>) => {
    api.calls.push({ method: 'checkPost', input });
    return checkPost({ path: input.path, text: input.text, site: { kind: 'jekyll' } });
  };
}

async function openChecked(posts: FakePost[] = [post]) {
  const app = await renderApp({ posts });
  withRealCheck(app.api);
  const editor = await openPost(app.user, posts[0]!.title);
  // The panel opens only when asked; its toggle counts meanwhile.
  expect(screen.queryByRole('region', { name: 'Problems' })).not.toBeInTheDocument();
  await app.user.click(await screen.findByRole('button', { name: /^Problems \(\d+\)$/ }));
  const region = await screen.findByRole('region', { name: 'Problems' });
  return { ...app, editor: editor as HTMLTextAreaElement, region };
}

describe('the Problems panel', () => {
  it('lists each problem with its line, severity in words and rule id, and counts them on the toggle', async () => {
    const { region } = await openChecked();
    const emptyLink = await within(region).findByRole('button', { name: /^Line 7: The link "k3sup" has no target\./ });
    expect(emptyLink).toHaveAccessibleName(expect.stringContaining('Error · empty-link'));
    const mojibake = within(region).getAllByRole('button', { name: /^Line 9: .*garbled/ });
    expect(mojibake).toHaveLength(2);
    expect(mojibake[0]).toHaveAccessibleName(expect.stringContaining('Warning · mojibake'));
    expect(screen.getByRole('button', { name: 'Problems (3)' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(region).getByText('1 error, 2 warnings')).toBeInTheDocument();
  });

  it('clicking a problem focuses "Markdown" and selects what it is about', async () => {
    const { user, region, editor } = await openChecked();
    await user.click(await within(region).findByRole('button', { name: /^Line 7:/ }));
    expect(editor).toHaveFocus();
    const start = BODY.indexOf('[k3sup]()');
    expect([editor.selectionStart, editor.selectionEnd]).toEqual([start, start + '[k3sup]()'.length]);
    expect(editor.value.slice(editor.selectionStart, editor.selectionEnd)).toBe('[k3sup]()');
  });

  it('a problem in the front matter selects it in "Front matter source"', async () => {
    const broken = { ...post, text: '---\ntitle: CafÃ© notes\n---\nBody.\n', title: 'Café notes' };
    const { user, region } = await openChecked([broken]);
    await user.click(await within(region).findByRole('button', { name: /^Line 2:/ }));
    const frontMatter = screen.getByRole('region', { name: 'Front matter' });
    expect(frontMatter).toContainElement(document.activeElement as HTMLElement);
    // The form shows the field of the key on that line; the source view selects the garbled text itself.
    const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement;
    if (active.getAttribute('aria-label') === 'Front matter source') expect(active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0)).toContain('Ã©');
    else expect(within(frontMatter).getByLabelText('Title')).toHaveFocus();
  });

  it('a quick fix changes the text, marks the post unsaved, and its problems go away', async () => {
    const { user, region, editor } = await openChecked();
    await within(region).findByRole('button', { name: /^Line 7:/ });
    await user.click(within(region).getByRole('button', { name: 'Repair emoji' }));
    expect(editor.value).toBe('Intro line.\n\nTry [k3sup]() today.\n\nCool 😎 here and 🌮 there.\n');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    await waitFor(() => expect(within(region).queryAllByRole('button', { name: /mojibake/ })).toHaveLength(0));
    expect(screen.getByRole('button', { name: 'Problems (1)' })).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Repair emoji' })).not.toBeInTheDocument();
  });

  it('a single problem’s fix applies only to it; "Fix all" repairs every safe one', async () => {
    const text = FRONT + 'A ðŸ˜Ž.\n\n![shot](http://www.youtube.com/x.png)\n\nB ðŸŒ®.\n';
    const { user, region, editor } = await openChecked([{ ...post, text }]);
    await user.click(await within(region).findByRole('button', { name: 'Replace with "😎" (line 5)' }));
    expect(editor.value).toContain('A 😎.');
    expect(editor.value).toContain('B ðŸŒ®.');
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Fix all' })).toBeEnabled());
    await user.click(within(region).getByRole('button', { name: 'Fix all' }));
    expect(editor.value).toBe('A 😎.\n\n![shot](https://www.youtube.com/x.png)\n\nB 🌮.\n');
  });

  it('"Write alt text" puts the caret between an image’s brackets, and typing writes the alt text; "Fix all" leaves it alone', async () => {
    const text = FRONT + 'A ðŸ˜Ž.\n\n![](/images/stage.jpg)\n\nB http://www.youtube.com/x\n';
    const { user, region, editor } = await openChecked([{ ...post, text }]);
    await within(region).findByRole('button', { name: 'Write alt text (line 7)' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Fix all' })).toBeEnabled());
    await user.click(within(region).getByRole('button', { name: 'Fix all' }));
    expect(editor.value).toContain('![](/images/stage.jpg)');
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Write alt text (line 7)' })).toBeEnabled());
    await user.click(within(region).getByRole('button', { name: 'Write alt text (line 7)' }));
    expect(editor).toHaveFocus();
    const inside = editor.value.indexOf('![](') + 2;
    expect([editor.selectionStart, editor.selectionEnd]).toEqual([inside, inside]);
    await user.keyboard('The keynote stage');
    expect(editor.value).toContain('![The keynote stage](/images/stage.jpg)');
    await waitFor(() => expect(within(region).queryByRole('button', { name: /^Write alt text/ })).not.toBeInTheDocument());
  });

  it('"Write alt text" on an <img> adds alt="" and puts the caret between its quotes', async () => {
    const text = FRONT + 'Intro.\n\n<img src="/images/hall.jpg" width="600">\n';
    const { user, region, editor } = await openChecked([{ ...post, text }]);
    await user.click(await within(region).findByRole('button', { name: 'Write alt text (line 7)' }));
    await waitFor(() => expect(editor.value).toContain('<img alt="" src="/images/hall.jpg" width="600">'));
    const inside = editor.value.indexOf('alt="') + 'alt="'.length;
    await waitFor(() => expect([editor.selectionStart, editor.selectionEnd]).toEqual([inside, inside]));
    expect(editor).toHaveFocus();
    await user.keyboard('The hall');
    expect(editor.value).toContain('<img alt="The hall" src="/images/hall.jpg" width="600">');
  });

  it('checks the full text a moment after typing stops, not on every key', async () => {
    const { user, editor, api } = await openChecked();
    await waitFor(() => expect(api.callsOf('checkPost').length).toBeGreaterThan(0));
    const before = api.callsOf('checkPost').length;
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}abcdef');
    await waitFor(() => expect(api.callsOf('checkPost').length).toBeGreaterThan(before));
    const calls = api.callsOf('checkPost').slice(before);
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.at(-1)).toEqual({ path: post.path, text: FRONT + BODY + 'abcdef' });
  });

  it('can be collapsed with its toggle, keeping the count', async () => {
    const { user, region } = await openChecked();
    await within(region).findByRole('button', { name: /^Line 7:/ });
    await user.click(screen.getByRole('button', { name: 'Problems (3)' }));
    expect(screen.queryByRole('region', { name: 'Problems' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Problems (3)' })).toHaveAttribute('aria-expanded', 'false');
  });
});
