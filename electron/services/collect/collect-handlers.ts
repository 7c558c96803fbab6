/** The contract's collected-material methods, bound to the open site; app-handlers.ts spreads them in. */
import type { Handlers } from '../../../shared/api';
import { archiveTweets } from '../../../shared/collect/archive-tweets';
import type { EmbedStyle } from '../../../shared/embeds/embed-style';
import { RecapError } from '../../../shared/errors';
import { resolveLexically } from '../documents/confine';
import { TweetPhotoArchiver, type SiteForPhotos } from './archive-tweet-photos';
import type { CollectService } from './collect-service';

export type CollectHandlers = Pick<Handlers, 'listCollected' | 'addCollected' | 'removeCollected' | 'reorderCollected' | 'loadCollectedDetails' | 'insertCollected' | 'archiveTweets' | 'saveTweetPhotos'>;

export interface CollectBinding {
  /** The open site's root; throws RecapError('no-site') when none is open. */
  siteRoot(): string;
  /** Null where nothing can be stored per user (the handlers then refuse). */
  service: CollectService | null;
  /** The site's "Load external content" choice: details are asked for only when it is on. */
  externalContent(root: string): Promise<boolean>;
  /** How the open site writes embeds. */
  embedStyle(): Promise<EmbedStyle>;
  /** The site's `.recap.json` markup for archived tweets, if it sets one. */
  archiveMarkup(): Promise<string | undefined>;
  /** The open site's kind and `.recap.json` photo settings, for tweet photos; without it they are never saved. */
  photoSite?(): Promise<SiteForPhotos>;
  /** Fetches tweet photos; the providers' hosts (or RECAP_OEMBED_BASE's stand-in) by default. */
  tweetPhotos?: TweetPhotoArchiver;
  /** Photos were added to the site: checks and lists should look again. */
  onFilesAdded?(root: string, paths: readonly string[]): void;
}

export function createCollectHandlers(binding: CollectBinding): CollectHandlers {
  /** The site root and the service, after confining the post path to the site. */
  let archiver = binding.tweetPhotos ?? null;
  const open = (post: string) => {
    const root = binding.siteRoot();
    resolveLexically(root, post);
    if (!binding.service) throw new RecapError('refused', 'Collected material cannot be stored here.');
    return { root, service: binding.service };
  };
  return {
    listCollected: async ({ path }) => {
      const { root, service } = open(path);
      return service.list(root, path);
    },
    addCollected: async ({ path, text }) => {
      const { root, service } = open(path);
      return service.add(root, path, text);
    },
    removeCollected: async ({ path, id }) => {
      const { root, service } = open(path);
      return service.remove(root, path, id);
    },
    reorderCollected: async ({ path, ids }) => {
      const { root, service } = open(path);
      return service.reorder(root, path, ids);
    },
    loadCollectedDetails: async ({ path, ids }) => {
      const { root, service } = open(path);
      const allowNetwork = await binding.externalContent(root);
      return service.loadDetails(root, path, ids ? { allowNetwork, ids } : { allowNetwork });
    },
    insertCollected: async ({ path, ids, postText }) => {
      const { root, service } = open(path);
      const blocks = await service.markup(root, path, ids, { style: await binding.embedStyle(), postText });
      return { text: blocks.map((b) => b.text).join('\n\n'), blocks };
    },
    archiveTweets: async ({ path, postText, url, photos, tweets }) => {
      resolveLexically(binding.siteRoot(), path);
      return archiveTweets(postText, await binding.archiveMarkup(), url, { ...(photos ? { photos } : {}), ...(tweets ? { tweets } : {}) });
    },
    saveTweetPhotos: async ({ path, tweets }) => {
      const root = binding.siteRoot();
      resolveLexically(root, path);
      // Decided here, not by the caller: with external content off no request leaves the machine.
      if (!binding.photoSite || !(await binding.externalContent(root))) return { photos: [], tweets: [], fetched: false, failed: null };
      archiver ??= new TweetPhotoArchiver();
      const site = await binding.photoSite();
      const saved = await archiver.save(site, path, tweets);
      if (saved.photos.length > 0) binding.onFilesAdded?.(site.root, saved.photos.map((p) => p.sitePath));
      return { ...saved, fetched: true };
    },
  };
}
