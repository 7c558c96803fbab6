import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside, resolveLexically } from '../../electron/services/documents/confine';
import { tempDir } from '../support/fixtures';

/** Path-ish strings built from the pieces traversal attacks are made of. */
const segment = fc.constantFrom('..', '.', '', 'posts', '_posts', 'a.md', '..%2f', '%2e%2e', '\\..', '..\\..', '~', '/', '//', 'C:', 'C:\\', '\0', ' ', 'é', 'link', 'link-dir');
const hostilePath = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 8 }), fc.constantFrom('/', '\\')).map(([parts, separator]) => parts.join(separator));

describe('every path is confined to the opened folder', () => {
  it('lexically: whatever the input, a resolved path is inside the root or refused', () => {
    const root = '/srv/site';
    fc.assert(
      fc.property(fc.oneof(hostilePath, fc.string()), (input) => {
        let resolved: string;
        try {
          resolved = resolveLexically(root, input);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('outside-folder');
          return;
        }
        expect(isInside(root, resolved)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('with symlinks: no input reaches a file outside, even through links inside the site', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await writeFile(path.join(outside, 'a.md'), 'secret');
    await mkdir(path.join(root, 'posts'));
    await writeFile(path.join(root, 'posts', 'a.md'), 'mine');
    await symlink(path.join(outside, 'a.md'), path.join(root, 'link'));
    await symlink(outside, path.join(root, 'link-dir'));
    await fc.assert(
      fc.asyncProperty(hostilePath, async (input) => {
        try {
          const resolved = await resolveInside(root, input);
          expect(isInside(root, resolved)).toBe(true);
          // What it names may not exist, but if it does, its real location is inside too.
          const { realpath } = await import('node:fs/promises');
          const real = await realpath(resolved).catch(() => null);
          if (real) expect(isInside(await realpath(root), real)).toBe(true);
        } catch (error) {
          const code = (error as { code?: string }).code;
          expect(['outside-folder', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']).toContain(code);
        }
      }),
      { numRuns: 500 },
    );
  });
});
