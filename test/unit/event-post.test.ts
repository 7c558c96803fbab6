import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { eventCategories, formatDateRange, suggestEventTitle } from '../../shared/collect/event-writeup';
import { parsePost } from '../../shared/front-matter/post-document';
import { copyFixture, tempDir } from '../support/fixtures';

async function api(root: string) {
  const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')));
  await state.open(root);
  return createHandlers(state, { mode: 'browser', allowedRoots: [root] });
}

describe('event write-ups', () => {
  test('the title suggestion is "<Event> <City> highlights"', () => {
    expect(suggestEventTitle('KubeCon', 'Salt Lake City')).toBe('KubeCon Salt Lake City highlights');
    expect(suggestEventTitle('  DevOpsDays Amsterdam ', 'Amsterdam')).toBe('DevOpsDays Amsterdam highlights');
    expect(suggestEventTitle('FOSDEM', '')).toBe('FOSDEM highlights');
    expect(formatDateRange('2024-03-19', '2024-03-22')).toBe('March 19–22, 2024');
    expect(formatDateRange('2024-03-30', '2024-04-02')).toBe('March 30 – April 2, 2024');
  });

  test('the dialog creates a post whose categories come from the site’s event posts', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const recap = await api(root);
    const defaults = await recap.eventPostDefaults({ eventName: 'KubeCon', city: 'Salt Lake City' });
    expect(defaults).toEqual({
      title: 'KubeCon Salt Lake City highlights',
      categoryKey: 'categories',
      // events: 3 of 3 event posts; kubernetes and kubecon: 2 of 3. serverless, paas, devops: 1 of 3.
      categories: ['events', 'kubernetes', 'kubecon'],
      sections: ['Highlights', 'Talks', 'Photos', 'Thanks'],
    });
    const created = await recap.createEventPost({ eventName: 'KubeCon', city: 'Salt Lake City', startDate: '2024-11-12', endDate: '2024-11-15', date: '2024-11-20', draft: false });
    expect(created.path).toBe('_posts/2024-11-20-kubecon-salt-lake-city-highlights.md');
    const text = await readFile(path.join(root, created.path), 'utf8');
    expect(text).toBe(
      '---\ntitle: KubeCon Salt Lake City highlights\ndate: 2024-11-20\ndescription: KubeCon in Salt Lake City, November 12–15, 2024.\ncategories:\n  - events\n  - kubernetes\n  - kubecon\nimage:\nauthor_staff_member:\n---\n\n## Highlights\n\n## Talks\n\n## Photos\n\n## Thanks\n',
    );
    expect(parsePost(text).error).toBeNull();
  });

  test('a category naming another event is left out', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const defaults = await (await api(root)).eventPostDefaults({ eventName: 'DevOpsDays', city: 'Berlin' });
    expect(defaults.categories).toEqual(['events', 'kubernetes']);
  });

  test('sections (and categories) can be set in .recap.json', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(root, '.recap.json'), JSON.stringify({ eventWriteUp: { sections: ['Keynotes', 'Hallway track'] } }));
    const recap = await api(root);
    const created = await recap.createEventPost({ eventName: 'FOSDEM', city: 'Brussels', startDate: '2025-02-01', draft: true, title: 'FOSDEM 2025' });
    expect(created.path).toBe('_drafts/fosdem-2025.md');
    const text = await readFile(path.join(root, created.path), 'utf8');
    expect(text.endsWith('---\n\n## Keynotes\n\n## Hallway track\n')).toBe(true);
    expect(text).toContain('description: FOSDEM in Brussels, February 1, 2025.');
  });

  test('a site that marks no event posts is judged by conference titles', () => {
    const posts = [
      { title: 'PyCon US recap', categories: ['python', 'conference-notes'], tags: [] },
      { title: 'RustConf recap', categories: ['rust', 'conference-notes'], tags: [] },
      { title: 'KubeCon EU recap', categories: ['kubernetes', 'conference-notes'], tags: [] },
      { title: 'Why I like tea', categories: ['life'], tags: [] },
    ];
    expect(eventCategories(posts, 'EuroPython')).toEqual(['conference-notes']);
  });
});
