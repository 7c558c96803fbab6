import './jsdom-gaps';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import { FakeApi, samplePosts, type FakeOptions } from './fake-api';

/** The author's remembered layout: which side panel is open, whether the front-matter form is unfolded. */
export interface LayoutChoice {
  side?: 'problems' | 'outline' | 'collected' | null;
  frontMatter?: boolean;
}

/** Renders the app against a fake API and waits for the post list. Tests of the form start with it unfolded, as an author who uses it would. */
export async function renderApp(options: FakeOptions = { posts: samplePosts }, layout: LayoutChoice = { frontMatter: true }) {
  window.localStorage.setItem('recap.front-matter.open', JSON.stringify(layout.frontMatter ?? false));
  window.localStorage.setItem('recap.side-panel', JSON.stringify(layout.side ?? null));
  const api = new FakeApi(options);
  const user = userEvent.setup();
  const view = render(<App api={api} />);
  return { api, user, view };
}

export async function postList() {
  const nav = await screen.findByRole('navigation', { name: 'Posts' });
  return within(nav).getByRole('listbox');
}

/** Opens a post from the sidebar and waits until its editor is ready. */
export async function openPost(user: ReturnType<typeof userEvent.setup>, title: string) {
  const list = await postList();
  await user.click(await within(list).findByRole('option', { name: title }));
  // The editor is loaded lazily; the first load in a test run takes a moment.
  return screen.findByRole('textbox', { name: 'Markdown' }, { timeout: 15_000 });
}
