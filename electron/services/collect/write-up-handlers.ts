/** The contract's event write-up methods (new event post, photos, cover), bound to the open site. */
import type { Handlers } from '../../../shared/api';
import type { Workspace } from '../workspace/workspace';
import { importPhotos, photoOptions } from '../media/process-photo';
import { setCover } from '../media/set-cover';
import { photoThumbnails } from '../media/thumbnails';
import { planPost } from '../posts/create-post';
import { resolveLexically } from '../documents/confine';
import { join } from 'node:path';
import { createEventPost, eventPostDefaults } from '../posts/create-event-post';

export type WriteUpHandlers = Pick<Handlers, 'eventPostDefaults' | 'createEventPost' | 'importPhotos' | 'setCover' | 'photoThumbnails' | 'planPost'>;

export interface WriteUpBinding {
  workspace(): Workspace;
  /** The per-user state folder (thumbnails are cached there); null keeps none. */
  stateDir?: string | null;
  /** Files were added to the site (photos, a post): checks and lists should look again. */
  onFilesAdded?(root: string, paths: readonly string[]): void;
}

export function createWriteUpHandlers(binding: WriteUpBinding): WriteUpHandlers {
  return {
    async eventPostDefaults({ eventName, city }) {
      const workspace = binding.workspace();
      return eventPostDefaults(await workspace.facts(), (await workspace.list({ words: false })).posts, eventName, city);
    },

    async createEventPost(input) {
      const workspace = binding.workspace();
      const { site } = workspace;
      const created = await createEventPost(site.root, site.kind, await workspace.facts(), (await workspace.list({ words: false })).posts, input);
      workspace.invalidate(created.path);
      binding.onFilesAdded?.(site.root, [created.path]);
      return created;
    },

    async importPhotos({ postPath, files }) {
      const workspace = binding.workspace();
      const { site } = workspace;
      const photos = (await workspace.facts()).settings?.photos;
      const results = await importPhotos(
        site.root,
        site.kind,
        postPath,
        files.map((f) => ({ name: f.name, data: Buffer.from(f.dataBase64, 'base64') })),
        photoOptions(photos),
      );
      binding.onFilesAdded?.(site.root, results.flatMap((r) => (r.sitePath ? [r.sitePath] : [])));
      return results;
    },

    async photoThumbnails({ path, images }) {
      const workspace = binding.workspace();
      const { site } = workspace;
      resolveLexically(site.root, path);
      const [layout, facts] = await Promise.all([workspace.layout(), workspace.facts()]);
      const folders = { staticDirs: layout.staticDirs, contentDirs: layout.contentDirs, ...(facts.pageUrls ? { pageUrls: facts.pageUrls } : {}) };
      return photoThumbnails(site.root, site.kind, folders, path, images, binding.stateDir ? join(binding.stateDir, 'thumbnails') : null);
    },

    async planPost(input) {
      const workspace = binding.workspace();
      return planPost(workspace.site.root, workspace.site.kind, await workspace.facts(), input);
    },

    async setCover({ path, image, text }) {
      const workspace = binding.workspace();
      const schema = await workspace.schema().catch(() => null); // a broken .recap.json still lets the cover be set
      const result = await setCover(workspace.site.root, path, image, schema, text);
      if (text === undefined) workspace.invalidate(path);
      return result;
    },
  };
}
