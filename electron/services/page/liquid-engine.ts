/**
 * Liquid as Jekyll runs it: liquidjs in Jekyll mode (`include` with
 * parameters, `include.*`), includes from the site's `_includes/` held in
 * memory (no file-system lookups from templates), Jekyll's filters and tags,
 * and plugin tags rendered the way their plugins would where that is simple
 * (`seo`, `feed_meta`, `gist`); any other unknown tag renders nothing
 * instead of failing the page. Render time and size are bounded.
 */
import { Liquid, type Context, type TagToken, type TopLevelToken } from 'liquidjs';
import { absoluteUrl, relativeUrl } from './jekyll-urls';
import type { JekyllSite, SiteDocument } from './jekyll-site';
import { markdownToHtml } from './kramdown';
import { resolveSeo, seoTags } from './seo';
import { xmlSchema } from './jekyll-time';

export const JEKYLL_VERSION = '4.3.4';
const RENDER_LIMIT_MS = 2000;
const MAX_UNKNOWN_TAGS = 50;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface LiquidSite {
  engine: Liquid;
  /** `keep`: the parsed template is kept for the next render (layouts; never a post body, which changes with each key). */
  render(template: string, scope: object, keep?: boolean): Promise<string>;
  renderSync(template: string, scope: object): string;
}

export function createLiquid(site: JekyllSite, urlOf: (doc: SiteDocument) => string = (doc) => doc.url): LiquidSite {
  const engine = new Liquid({
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    templates: site.includes,
    strictFilters: false,
    strictVariables: false,
    timezoneOffset: site.timeZone,
    preserveTimezones: true,
    dateFormat: '%Y-%m-%d %H:%M:%S %z',
    cache: true,
  });
  const baseurl = site.baseurl;
  const siteUrl = site.url;

  engine.registerFilter('relative_url', (input: unknown) => relativeUrl(input, baseurl));
  engine.registerFilter('absolute_url', (input: unknown) => absoluteUrl(input, siteUrl, baseurl));
  engine.registerFilter('markdownify', (input: unknown) => markdownToHtml(input === null || input === undefined ? '' : String(input)));
  engine.registerFilter('date_to_xmlschema', (input: unknown) => {
    const date = toDate(input);
    return date ? xmlSchema(date, site.timeZone) : input;
  });
  engine.registerFilter('smartify', (input: unknown) => String(input ?? ''));
  engine.registerFilter('sassify', (input: unknown) => String(input ?? ''));
  engine.registerFilter('scssify', (input: unknown) => String(input ?? ''));

  const allDocs = () => [...site.posts, ...site.pages, ...[...site.collections.values()].flat()];

  engine.registerTag('post_url', {
    parse(token: TagToken) {
      this.name = token.args.trim();
    },
    render() {
      const wanted = String(this.name);
      const post = site.posts.find((p) => {
        const base = p.path.replace(/^.*_posts\//, '').replace(/\.[^./]+$/, '');
        return base === wanted || base.endsWith('/' + wanted) || base.split('/').pop() === wanted;
      });
      return post ? relativeUrl(urlOf(post), baseurl) : '';
    },
  });

  engine.registerTag('link', {
    parse(token: TagToken) {
      this.target = token.args.trim();
    },
    *render(ctx: Context): Generator<unknown, string, unknown> {
      let target = String(this.target);
      if (target.includes('{{')) target = (yield engine.parseAndRender(target, ctx.getAll() as object)) as string;
      const doc = allDocs().find((d) => d.path === target.replace(/^\/+/, ''));
      return doc ? relativeUrl(urlOf(doc), baseurl) : '';
    },
  });

  engine.registerTag('highlight', {
    parse(token: TagToken, remain: TopLevelToken[]) {
      this.lang = token.args.trim().split(/\s+/)[0] ?? '';
      this.linenos = /\blinenos\b/.test(token.args);
      let body = '';
      let closed = false;
      while (remain.length > 0) {
        const next = remain.shift()!;
        if ((next as TagToken).name === 'endhighlight') {
          closed = true;
          break;
        }
        body += next.getText();
      }
      if (!closed) throw new Error('tag highlight not closed');
      this.body = body.replace(/^\r?\n/, '').replace(/\s+$/, '');
    },
    render() {
      const lang = String(this.lang).toLowerCase().replace(/[^\w+#-]/g, '');
      return `<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${esc(String(this.body))}</code></pre></figure>`;
    },
  });

  engine.registerTag('seo', {
    parse(token: TagToken) {
      this.titleOff = /title\s*=\s*false/.test(token.args);
    },
    render(ctx: Context) {
      const page = (ctx.getSync(['page']) ?? {}) as Parameters<typeof resolveSeo>[1];
      const values = resolveSeo(site, page);
      return seoTags(this.titleOff ? { ...values, documentTitle: null } : values, `Jekyll v${JEKYLL_VERSION}`, site.config.twitter !== undefined);
    },
  });

  engine.registerTag('feed_meta', {
    render() {
      const feed = (site.config.feed ?? {}) as { path?: unknown };
      const href = absoluteUrl(typeof feed.path === 'string' ? feed.path : '/feed.xml', siteUrl, baseurl);
      const title = typeof site.config.title === 'string' ? ` title="${esc(site.config.title)}"` : '';
      return `<link type="application/atom+xml" rel="alternate" href="${esc(href)}"${title} />`;
    },
  });

  engine.registerTag('gist', {
    parse(token: TagToken) {
      this.spec = token.args.trim();
    },
    render() {
      const [id = '', file] = String(this.spec).replace(/["']/g, '').split(/\s+/);
      const url = `https://gist.github.com/${id}${file ? `#file-${file.replace(/\W/g, '-')}` : ''}`;
      return `<div class="recap-embed-facade" data-provider="GitHub Gist"><a href="${esc(url)}">Gist ${esc(id)}${file ? ` · ${esc(file)}` : ''}</a></div>`;
    },
  });

  registerUnknownTags(engine, [...Object.values(site.includes), ...[...site.layouts.values()].map((l) => l.body)]);
  const known = new Set<string>();
  const parse = (template: string) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return engine.parse(template);
      } catch (error) {
        const unknown = /tag "([\w-]+)" not found/.exec(error instanceof Error ? error.message : '')?.[1];
        if (!unknown || known.has(unknown) || attempt >= MAX_UNKNOWN_TAGS) throw error;
        // A plugin's tag Recap does not know: it renders nothing (a block renders its inside).
        known.add(unknown);
        engine.registerTag(unknown, { render: () => '' });
      }
    }
  };

  const kept = new Map<string, ReturnType<typeof parse>>();
  return {
    engine,
    async render(template, scope, keep = false) {
      let parsed = keep ? kept.get(template) : undefined;
      if (parsed === undefined) {
        parsed = parse(template);
        if (keep) kept.set(template, parsed);
      }
      return engine.render(parsed, scope, { renderLimit: RENDER_LIMIT_MS });
    },
    renderSync(template, scope) {
      return engine.renderSync(parse(template), scope, { renderLimit: RENDER_LIMIT_MS });
    },
  };
}

/** Words Liquid itself reads inside its blocks; never registered as tags of their own. */
const BLOCK_WORDS = new Set(['else', 'elsif', 'when', 'empty']);

/**
 * Registers every tag the templates use that neither Liquid nor Recap knows
 * (a plugin's) as one that renders nothing; an unknown block's end tag too,
 * so its inside still renders. Includes are parsed while rendering, so they
 * are scanned here, before.
 */
export function registerUnknownTags(engine: Liquid, templates: readonly string[]): void {
  const tags = (engine as unknown as { tags: Record<string, unknown> }).tags;
  const builtIn = new Set(Object.keys(tags));
  for (const template of templates) {
    for (const match of template.matchAll(/\{%-?\s*([A-Za-z_][\w-]*)/g)) {
      const name = match[1]!;
      if (name in tags || BLOCK_WORDS.has(name)) continue;
      if (name.startsWith('end') && builtIn.has(name.slice(3))) continue;
      engine.registerTag(name, { render: () => '' });
    }
  }
}

function toDate(input: unknown): Date | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input;
  if (typeof input === 'string' || typeof input === 'number') {
    const date = new Date(input);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
