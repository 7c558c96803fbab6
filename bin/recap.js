#!/usr/bin/env node
// The `recap` command: runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/cli/recap.cjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('recap: the CLI is not built yet. Run `npm install` (or `npm run build`) in the Recap folder first.');
  process.exit(2);
}
createRequire(import.meta.url)(cli);
