/**
 * Collected material for a post: add pasted links as cards, remove and
 * reorder them, load their details from the providers (only when the author
 * allows the network; the disk cache answers first), and write the markup
 * for chosen cards in the site's style.
 */
import { collectedBlocks, type CardBlock } from '../../../shared/collect/insert-markup';
import { readPastedLinks } from '../../../shared/collect/read-urls';
import type { AddCollectedResult, CardDetails, CardKind, CollectedCard } from '../../../shared/collect/types';
import type { EmbedStyle } from '../../../shared/embeds/embed-style';
import { RecapError } from '../../../shared/errors';
import { CollectedStore, sha256 } from './collected-store';
import { DetailsCache } from './details-cache';
import { DEFAULT_LIMITS, DetailsError, fetchJson, type FetchLimits } from './fetch-limited';
import { detailsProvider, resolveEndpoints, type OembedEndpoints } from './oembed-endpoints';
import { detailsRequest, readDetails } from './read-details';
import { inParallel } from './in-parallel';

export interface CollectServiceOptions {
  store: CollectedStore;
  /** Without one, every load asks the provider again. */
  cache?: DetailsCache | null;
  endpoints?: OembedEndpoints;
  limits?: FetchLimits;
  /** Requests in flight at once: eleven tweets load quickly without a burst at one provider. */
  concurrency?: number;
  now?: () => Date;
}

export interface LoadDetailsOptions {
  /** Ask the providers (the site's "Load external content"); without it only cached details are used. */
  allowNetwork: boolean;
  /** Cards to load; default every card without details. */
  ids?: readonly string[];
}

export interface MarkupOptions {
  style: EmbedStyle;
  postText: string;
}

export class CollectService {
  private readonly endpoints: OembedEndpoints;
  private readonly limits: FetchLimits;
  private readonly now: () => Date;
  /** One request per URL at a time, however many cards or calls want it. */
  private readonly inFlight = new Map<string, Promise<CardDetails>>();

  constructor(private readonly options: CollectServiceOptions) {
    this.endpoints = options.endpoints ?? resolveEndpoints();
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.now = options.now ?? (() => new Date());
  }

  list(root: string, post: string): Promise<CollectedCard[]> {
    return this.options.store.read(root, post);
  }

  async add(root: string, post: string, text: string): Promise<AddCollectedResult> {
    const { links, ignored } = readPastedLinks(text);
    const added: string[] = [];
    const addedAt = this.now().toISOString();
    const cards = await this.options.store.update(root, post, (cards) => {
      const have = new Set(cards.map((c) => c.id));
      const fresh: CollectedCard[] = [];
      for (const link of links) {
        const id = sha256(link.key).slice(0, 16);
        if (have.has(id)) continue;
        have.add(id);
        added.push(id);
        fresh.push({ id, url: link.url, kind: link.kind, facts: link.facts, addedAt });
      }
      return [...cards, ...fresh];
    });
    return { cards, added, ignored };
  }

  async remove(root: string, post: string, id: string): Promise<CollectedCard[]> {
    return this.options.store.update(root, post, (cards) => cards.filter((c) => c.id !== id));
  }

  /** Cards in the order of `ids`; cards not named keep their order after them, unknown ids are ignored. */
  async reorder(root: string, post: string, ids: readonly string[]): Promise<CollectedCard[]> {
    return this.options.store.update(root, post, (cards) => {
      const byId = new Map(cards.map((c) => [c.id, c]));
      const named = [...new Set(ids)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      const rest = cards.filter((c) => !named.includes(c));
      return [...named, ...rest];
    });
  }

  async loadDetails(root: string, post: string, options: LoadDetailsOptions): Promise<CollectedCard[]> {
    const wanted = new Set(options.ids ?? []);
    const targets = (await this.list(root, post)).filter((c) => (options.ids ? wanted.has(c.id) : !c.details) && detailsProvider(c.kind) !== null);
    const results = new Map<string, { details?: CardDetails; error?: string }>();
    await inParallel(targets, this.options.concurrency ?? 4, async (card) => {
      results.set(card.id, await this.detailsFor(card, options.allowNetwork));
    });
    if (results.size === 0) return this.list(root, post);
    return this.options.store.update(root, post, (cards) =>
      cards.map((card) => {
        const result = results.get(card.id);
        if (!result || (!result.details && !result.error)) return card;
        const { error: _previous, ...rest } = card;
        return result.details ? { ...rest, details: result.details } : { ...rest, error: result.error! };
      }),
    );
  }

  /** Each named card's markup with its kind, in the order named; unknown ids are refused (the panel is out of date). */
  async markup(root: string, post: string, ids: readonly string[], options: MarkupOptions): Promise<(CardBlock & { kind: CardKind })[]> {
    const byId = new Map((await this.list(root, post)).map((c) => [c.id, c]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new RecapError('not-found', 'Some of these cards are no longer collected for this post; look at the panel again.');
    const cards = ids.map((id) => byId.get(id)!);
    return collectedBlocks(cards, options).map((block, index) => ({ ...block, kind: cards[index]!.kind }));
  }

  /** Cached details, else (when allowed) the provider's answer; an error sentence when it fails. Nothing when offline and uncached. */
  private async detailsFor(card: CollectedCard, allowNetwork: boolean): Promise<{ details?: CardDetails; error?: string }> {
    const provider = detailsProvider(card.kind)!;
    const request = detailsRequest(provider, card, this.endpoints);
    const cached = await this.options.cache?.get(request, this.now().getTime());
    if (cached) return { details: cached };
    if (!allowNetwork) return {};
    let pending = this.inFlight.get(request);
    if (!pending) {
      pending = fetchJson(request, this.limits).then((answer) => readDetails(provider, card, answer, this.now()));
      this.inFlight.set(request, pending);
      const forget = () => this.inFlight.delete(request);
      pending.then(forget, forget);
    }
    try {
      const details = await pending;
      await this.options.cache?.set(request, details, this.now().getTime()).catch(() => undefined); // a full disk only costs a later request
      return { details };
    } catch (error) {
      return { error: error instanceof DetailsError ? error.message : 'The details could not be loaded.' };
    }
  }
}

/** The app's and browser mode's service: cards and the details cache in the per-user state folder, endpoints from RECAP_OEMBED_BASE or the providers'. */
export function collectServiceInStateDir(stateDir: string, env: NodeJS.ProcessEnv = process.env): CollectService {
  return new CollectService({ store: CollectedStore.inStateDir(stateDir), cache: DetailsCache.inStateDir(stateDir), endpoints: resolveEndpoints({}, env) });
}
