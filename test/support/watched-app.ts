/**
 * The app's state watching a site folder, as the desktop app and browser
 * mode run it: the handlers behind the contract, and the changes on disk it
 * reports. Closed after each test.
 */
import { afterEach } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import type { PostsChange } from '../../shared/model';
import { tempDir } from './fixtures';

export interface WatchedApp {
  state: AppState;
  handlers: ReturnType<typeof createHandlers>;
  changes: PostsChange[];
}

const opened: AppState[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((state) => state.close()));
});

export async function openWatched(root: string): Promise<WatchedApp> {
  const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')), { watch: true });
  opened.push(state);
  const changes: PostsChange[] = [];
  state.onPostsChanged((change) => changes.push(change));
  const handlers = createHandlers(state, { mode: 'browser' });
  await state.open(root);
  return { state, handlers, changes };
}
