/**
 * A local stand-in for the providers' oEmbed endpoints, the GitHub API and
 * Twitter's syndication API with its photo host (`/syndication/tweet-result`,
 * `/pbs/media/…`; node:http on 127.0.0.1), so details tests never touch the network. Each
 * provider answers by its `behaviour`: a normal answer (in the provider's
 * real shape: Twitter's blockquote + widgets.js, YouTube's and SlideShare's
 * iframes, Speaker Deck's player), a slow one, an error status, or a body
 * larger than the size limit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'slow' | 'error' | 'huge';

export interface StandIn {
  base: string;
  /** Requests seen, by provider (`twitter`, `youtube`, `github`…). */
  requests: Map<string, number>;
  behaviour: Record<string, Behaviour>;
  /** Forgets the requests seen and lets every provider answer normally again (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/** What the stand-in's tweets say: emoji and a quote, to prove text survives as UTF-8. */
export const tweetText = (id: string) => `Tweet ${id} from the booth 😎🌮 "quoted" & more`;

/** The alt text the stand-in's tweet photos carry: every tweet's but those whose id ends in 4 (they show the default). */
export const tweetPhotoAltText = (id: string): string | null => (id.endsWith('4') ? null : `The booth at noon, seen in tweet ${id}`);

/** The stand-in's photo files: a camera JPEG that says where it was taken (EXIF make and GPS). */
let photoFile: Promise<Buffer> | null = null;
export function standInTweetPhoto(): Promise<Buffer> {
  photoFile ??= import('sharp').then(({ default: sharp }) =>
    sharp({ create: { width: 2048, height: 1536, channels: 3, background: '#2a6' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhonyPhone', Model: 'X' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 45/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '84/1 23/1 0/1' },
      })
      .toBuffer(),
  );
  return photoFile;
}

export async function startOembedStandIn(): Promise<StandIn> {
  const requests = new Map<string, number>();
  const behaviour: Record<string, Behaviour> = {};
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const provider = url.pathname.split('/')[1] ?? '';
    requests.set(provider, (requests.get(provider) ?? 0) + 1);
    respond(provider, url, behaviour[provider] ?? 'ok', req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    behaviour,
    reset: () => {
      requests.clear();
      for (const key of Object.keys(behaviour)) delete behaviour[key];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(provider: string, url: URL, behaviour: Behaviour, _req: IncomingMessage, res: ServerResponse): void {
  if (behaviour === 'slow') {
    const timer = setTimeout(() => json(res, { title: 'too late' }), 10_000);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if (behaviour === 'error') {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end('boom');
    return;
  }
  if (behaviour === 'huge') {
    // Chunked, without Content-Length: the limit must be enforced while reading.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"title":"');
    for (let i = 0; i < 40; i++) res.write('x'.repeat(10_000));
    res.end('"}');
    return;
  }
  const target = url.searchParams.get('url') ?? '';
  switch (provider) {
    case 'twitter': {
      const id = /status\/(\d+)/.exec(target)?.[1] ?? '0';
      const handle = /(?:twitter|x)\.com\/([^/]+)/.exec(target)?.[1] ?? 'someone';
      json(res, {
        author_name: 'Alex Ellis',
        html:
          `<blockquote class="twitter-tweet" onclick="alert(1)"><p lang="en" dir="ltr">${tweetText(id).replace(/&/g, '&amp;').replace(/"/g, '&quot;')} <a href="https://t.co/abc${id}">pic.twitter.com/abc${id}</a> <a href="javascript:alert(1)">bad</a><img src=x onerror=alert(1)></p>` +
          `&mdash; Alex Ellis (@${handle}) <a href="https://twitter.com/${handle}/status/${id}?ref_src=twsrc%5Etfw">November 16, 2019</a></blockquote>\n` +
          '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
      });
      return;
    }
    case 'youtube': {
      // YouTube's own shape: an iframe with ?feature=oembed, sized small.
      const id = /[?&]v=([\w-]{11})/.exec(target)?.[1] ?? /youtu\.be\/([\w-]{11})/.exec(target)?.[1] ?? 'dQw4w9WgXcQ';
      json(res, {
        type: 'video',
        version: '1.0',
        title: 'Keynote: <b>Kubernetes</b> at 10 🎉',
        author_name: 'CNCF',
        provider_name: 'YouTube',
        thumbnail_url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`,
        html: `<iframe width="200" height="113" src="https://www.youtube.com/embed/${id}?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen title="Keynote: Kubernetes at 10"></iframe>`,
      });
      return;
    }
    case 'speakerdeck':
      json(res, { title: 'Inlets deck', author_name: 'Alex', html: '<iframe class="speakerdeck-iframe" src="https://speakerdeck.com/player/0123456789abcdef0123456789abcdef" width="710"></iframe>' });
      return;
    case 'slideshare':
      // SlideShare's own shape: the embed_code/key iframe and a credit line under it.
      json(res, {
        type: 'rich',
        version: '1.0',
        title: 'Still waiting for IPv6?',
        author_name: 'Alex Ellis',
        provider_name: 'SlideShare',
        html:
          '<iframe src="https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1" width="427" height="356" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" style="border:1px solid #CCC; border-width:1px; margin-bottom:5px; max-width: 100%;" allowfullscreen> </iframe> ' +
          '<div style="margin-bottom:5px"> <strong> <a href="https://www.slideshare.net/AlexEllis11/still-waiting-for-ipv6" title="Still waiting for IPv6?" target="_blank">Still waiting for IPv6?</a> </strong> from <strong><a href="https://www.slideshare.net/AlexEllis11" target="_blank">Alex Ellis</a></strong> </div>',
        thumbnail_url: 'http://insecure.example/t.jpg',
      });
      return;
    case 'vimeo':
      json(res, { title: 'A Vimeo talk', author_name: 'Someone' });
      return;
    case 'syndication': {
      // Twitter's syndication API as react-tweet reads it: a token derived from the id, photos in mediaDetails on pbs.twimg.com.
      const id = url.searchParams.get('id') ?? '';
      const token = ((Number(id) / 1e15) * Math.PI).toString(36).replace(/(0+|\.)/g, '');
      if (url.pathname !== '/syndication/tweet-result' || !/^\d+$/.test(id) || url.searchParams.get('token') !== token) {
        res.writeHead(404).end();
        return;
      }
      const handle = id === '1196540671231791104' ? 'kelseyhightower' : 'alexellisuk';
      const key = `EJgTd2N${id.slice(-8)}`;
      const alt = tweetPhotoAltText(id);
      json(res, {
        __typename: 'Tweet',
        lang: 'en',
        id_str: id,
        created_at: '2019-11-16T22:19:10.000Z',
        // HTML-escaped, as Twitter sends it; the photo's t.co link after the displayed range.
        text: `${tweetText(id).replace(/&/g, '&amp;')} https://t.co/abc${id}`,
        display_text_range: [0, [...tweetText(id)].length],
        entities: { urls: [], user_mentions: [], hashtags: [] },
        user: { id_str: '1', name: 'Alex Ellis', screen_name: handle, profile_image_url_https: 'https://pbs.twimg.com/profile_images/1/a_normal.jpg' },
        mediaDetails: [
          {
            display_url: `pic.twitter.com/abc${id}`,
            expanded_url: `https://twitter.com/${handle}/status/${id}/photo/1`,
            media_url_https: `https://pbs.twimg.com/media/${key}.jpg`,
            type: 'photo',
            url: `https://t.co/abc${id}`,
            original_info: { width: 2048, height: 1536 },
            ...(alt ? { ext_alt_text: alt } : {}),
          },
          // A video's poster is not a photo of the tweet.
          { type: 'video', media_url_https: `https://pbs.twimg.com/ext_tw_video_thumb/${id}/pu/img/poster.jpg` },
        ],
        photos: [{ url: `https://pbs.twimg.com/media/${key}.jpg`, width: 2048, height: 1536, expandedUrl: `https://twitter.com/${handle}/status/${id}/photo/1` }],
      });
      return;
    }
    case 'pbs':
      if (!/^\/pbs\/media\/[A-Za-z0-9_-]+$/.test(url.pathname) || url.searchParams.get('format') !== 'jpg') {
        res.writeHead(404).end();
        return;
      }
      void standInTweetPhoto().then((data) => res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': data.length }).end(data));
      return;
    case 'github':
      json(res, { full_name: 'openfaas/faas', description: 'Serverless Functions Made Simple', owner: { login: 'openfaas', avatar_url: 'https://avatars.githubusercontent.com/u/27013154' } });
      return;
    default:
      res.writeHead(404).end();
  }
}

function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
}
