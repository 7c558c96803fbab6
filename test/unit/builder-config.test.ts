import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/fixtures';

describe('installers', () => {
  it('electron-builder flips the fuses that close Node backdoors and packs only built files and sharp', async () => {
    const config = parse(await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));
    expect(config.productName).toBe('Recap');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    // Everything else is bundled into out/; sharp's native binary must ship beside it, unpacked.
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['sharp']);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**']));
    // "Try the sample site" in the installed app copies the blog from the resources folder.
    expect(config.extraResources).toEqual([{ from: 'examples/sample-blog', to: 'sample-blog' }]);
    await expect(readFile(path.join(repoRoot, 'examples', 'sample-blog', '_config.yml'), 'utf8')).resolves.toContain('title');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });
});
