/** The app's live check: the editor's unsaved text of a post in the opened site. */
import type { Problem } from '../../../shared/check';
import { siteFolders } from '../../../shared/check/local-files';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import { resolveLexically } from '../documents/confine';
import { shareSiteFacts } from '../page/share-site-facts';
import type { Workspace } from '../workspace/workspace';
import { LiveCheck } from './live-check';
import { SiteFilesCache } from './site-files';

export class TextChecker {
  private readonly siteFiles = new SiteFilesCache();
  private readonly live = new LiveCheck();

  async check(workspace: Workspace, relative: string, text: string): Promise<Problem[]> {
    const { site } = workspace;
    resolveLexically(site.root, relative); // refuses paths outside the folder
    const [files, schema, layout, pageUrls] = await Promise.all([this.siteFiles.get(site.root, site.kind), schemaOf(workspace), workspace.layout(), workspace.facts().then((f) => f.pageUrls, () => undefined)]);
    const folders = siteFolders(layout, pageUrls);
    const path = relative.split('\\').join('/');
    // The share-* rules: what a link to the post shows (the live check only; `recap check` leaves them out).
    const share = await shareSiteFacts(site, path, text);
    return this.live.check(path, text, { site: { kind: site.kind, folders, share }, schema, files });
  }

  /** An import or a new post may add files: look again next time. */
  invalidate(root: string): void {
    this.siteFiles.invalidate(root);
  }
}

/** Without a readable schema (a broken .recap.json) the other rules still run. */
async function schemaOf(workspace: Workspace): Promise<SiteSchema | undefined> {
  try {
    return await workspace.schema();
  } catch {
    return undefined;
  }
}
