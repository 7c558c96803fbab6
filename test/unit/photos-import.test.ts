import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { importPhotos } from '../../electron/services/media/process-photo';
import { setCover } from '../../electron/services/media/set-cover';
import { readSiteFacts } from '../../electron/services/schema/read-site-facts';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { copyFixture, tempDir } from '../support/fixtures';

const POST = '_posts/2024-03-22-kubecon-paris-recap.md';

/** A 3000×2000 camera JPEG lying on its side (orientation 6) that says where it was taken. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#888' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhonyPhone', Model: 'X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 7/1' },
    })
    .toBuffer();
}

describe('photos', () => {
  test('the test photo really carries GPS and an orientation', async () => {
    const meta = await sharp(await phonePhoto()).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.exif?.toString('latin1')).toContain('PhonyPhone');
    expect(hasGpsIfd(meta.exif!)).toBe(true);
  });

  test('a dropped photo is stored upright, at most 1600 px wide, with no EXIF or GPS left, named <short-slug>-<original name>', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const [result] = await importPhotos(root, 'jekyll', POST, [{ name: 'IMG_0001.JPG', data: await phonePhoto() }]);
    // The post already keeps its images in images/2024-kubecon-paris/: the same folder as image import.
    expect(result).toMatchObject({
      name: 'IMG_0001.JPG',
      sitePath: 'images/2024-kubecon-paris/kubecon-paris-recap-img-0001.jpg',
      markdownPath: '/images/2024-kubecon-paris/kubecon-paris-recap-img-0001.jpg',
      markdown: '![](/images/2024-kubecon-paris/kubecon-paris-recap-img-0001.jpg)',
    });
    const stored = await readFile(path.join(root, result!.sitePath!));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1600);
    expect(meta.height).toBe(2400); // rotated: portrait now
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('PhonyPhone');
  });

  test('many at once keep readable names; a taken name gets -2; existing files are never overwritten; a non-photo is refused alone', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const folder = path.join(root, 'images', '2024-kubecon-paris');
    await writeFile(path.join(folder, 'kubecon-paris-recap-b.jpg'), 'keep me');
    const photo = await phonePhoto();
    const results = await importPhotos(root, 'jekyll', POST, [
      { name: 'a.jpg', data: photo },
      { name: 'notes.jpg', data: Buffer.from('not a photo') },
      { name: 'b.jpg', data: photo },
      { name: 'c.png', data: await sharp({ create: { width: 100, height: 50, channels: 4, background: '#0000' } }).png().toBuffer() },
      { name: 'A very long name straight off a camera roll export 2025-11-12 at 09.41.33.jpeg', data: photo },
    ]);
    expect(results.map((r) => r.sitePath ?? r.error)).toEqual([
      'images/2024-kubecon-paris/kubecon-paris-recap-a.jpg',
      expect.stringMatching(/not a photo Recap can read/),
      'images/2024-kubecon-paris/kubecon-paris-recap-b-2.jpg',
      'images/2024-kubecon-paris/kubecon-paris-recap-c.png',
      'images/2024-kubecon-paris/kubecon-paris-recap-a-very-long-name-straight-off-a.jpg',
    ]);
    expect(results.every((r) => !r.sitePath || path.basename(r.sitePath).length <= 60)).toBe(true);
    expect(await readFile(path.join(folder, 'kubecon-paris-recap-b.jpg'), 'utf8')).toBe('keep me');
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(results[3]).toMatchObject({ width: 100, height: 50 }); // small images are not enlarged
  });

  test('the width comes from .recap.json; a new post without images gets images/<slug>/', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(root, '.recap.json'), JSON.stringify({ photos: { maxWidth: 800 } }));
    const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')));
    await state.open(root);
    const api = createHandlers(state, { mode: 'browser', allowedRoots: [root] });
    const created = await api.createPost({ title: 'Berlin meetup', date: '2025-06-01', draft: false });
    const [result] = await api.importPhotos({ postPath: created.path, files: [{ name: 'x.jpg', dataBase64: (await phonePhoto()).toString('base64') }] });
    expect(result).toMatchObject({ sitePath: 'images/berlin-meetup/berlin-meetup-x.jpg', width: 800, height: 1200 });
    await expect(api.importPhotos({ postPath: '../../etc/passwd', files: [{ name: 'x.jpg', dataBase64: 'AAAA' }] })).rejects.toMatchObject({ code: 'outside-folder' });
  });

  test('choosing a cover changes only the image line, in the editor’s text or on disk', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const schema = (await readSiteFacts(root, 'jekyll')).schema;
    const before = await readFile(path.join(root, POST), 'utf8');
    const inEditor = await setCover(root, POST, '/images/2024-kubecon-paris/kubecon-paris-recap-1.jpg', schema, before);
    expect(inEditor.field).toBe('image');
    expect(diffLines(before, inEditor.text)).toEqual(['image: /images/2024-kubecon-paris/kubecon-paris-recap-1.jpg']);
    expect(await readFile(path.join(root, POST), 'utf8')).toBe(before); // nothing written

    const onDisk = await setCover(root, POST, '/images/2024-kubecon-paris/booth.jpg', schema);
    expect(await readFile(path.join(root, POST), 'utf8')).toBe(onDisk.text);
    expect(diffLines(before, onDisk.text)).toEqual(['image: /images/2024-kubecon-paris/booth.jpg']);
  });
});

function diffLines(a: string, b: string): string[] {
  const before = a.split('\n');
  return b.split('\n').filter((line, i) => line !== before[i]);
}

/** The EXIF block points at a GPS IFD (tag 0x8825, in either byte order). */
function hasGpsIfd(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}
