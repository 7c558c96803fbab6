// `npm run audit:electron`: runs Doyensec's Electronegativity on the built
// main process, preload and renderer, and fails on any high or medium finding
// or on any file it could not parse (an unparsed file is an unaudited file).
//
// Electronegativity's parser predates class private fields and a few other
// ES2022 forms, so the code is re-bundled for ES2020 with the same entry
// points and settings; what it reads is the app's code, not a stand-in.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

/**
 * Findings a person reviewed and accepted. Each must match exactly as many
 * places as listed, so a new call site fails the audit until it is reviewed too.
 */
const REVIEWED = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'shell.openExternal(checkedUrl)',
    count: 1,
    why: 'electron/shell/external-links.ts validates the URL with safeExternalUrl (http, https, mailto; no credentials) on the line before.',
  },
];

const repo = fileURLToPath(new URL('..', import.meta.url));
const rendererOut = path.join(repo, 'out', 'renderer');
const work = mkdtempSync(path.join(os.tmpdir(), 'recap-audit-'));
const electronVersion = JSON.parse(readFileSync(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

try {
  /** @type {import('esbuild').BuildOptions} */
  const node = { bundle: true, platform: 'node', format: 'cjs', target: 'es2020', logLevel: 'warning', external: ['electron', 'bufferutil', 'utf-8-validate', 'sharp'] };
  await build({ ...node, entryPoints: [path.join(repo, 'electron/main.ts')], outfile: path.join(work, 'main', 'main.js') });
  await build({ ...node, entryPoints: [path.join(repo, 'electron/preload.ts')], outfile: path.join(work, 'preload', 'preload.js') });

  mkdirSync(path.join(work, 'renderer', 'assets'), { recursive: true });
  copyFileSync(path.join(rendererOut, 'index.html'), path.join(work, 'renderer', 'index.html'));
  for (const name of readdirSync(path.join(rendererOut, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const code = readFileSync(path.join(rendererOut, 'assets', name), 'utf8');
    const lowered = await transform(code, { target: 'es2020', format: 'esm', loader: 'js' });
    writeFileSync(path.join(work, 'renderer', 'assets', name), lowered.code);
  }
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'recap', main: 'main/main.js', devDependencies: { electron: electronVersion } }));

  const report = path.join(work, 'report.csv');
  const run = spawnSync(
    process.execPath,
    [path.join(repo, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', work, '-e', electronVersion, '-o', report, '-v', 'false', '-r'],
    { encoding: 'utf8', timeout: 300_000 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  const unparsed = output.split('\n').filter((line) => line.startsWith('Error parsing'));
  /** @typedef {{ check: string, severity: string, confidence: string, file: string, location: string, sample: string }} Finding */
  /** @type {Finding[]} */
  const findings = parseCsv(readFileSync(report, 'utf8')).map(([check = '', severity = '', confidence = '', file = '', location = '', sample = '']) => ({ check, severity, confidence, file, location, sample }));
  /** @param {Finding} f */
  const isReviewed = (f) => REVIEWED.some((r) => r.check === f.check && f.sample.includes(r.sample));
  const reviewMismatch = REVIEWED.filter((r) => findings.filter((f) => f.check === r.check && f.sample.includes(r.sample)).length !== r.count);

  console.log(`Electronegativity ${electronVersion ? `(assuming Electron ${electronVersion})` : ''}: ${findings.length} finding(s)`);
  for (const f of findings) {
    const review = REVIEWED.find((r) => r.check === f.check && f.sample.includes(r.sample));
    console.log(`  ${f.severity.padEnd(7)} ${f.confidence.padEnd(10)} ${f.check}  ${f.file}:${f.location}${review ? `  (reviewed: ${review.why})` : ''}`);
  }
  for (const line of unparsed) console.log(`  ${line.replace(work + path.sep, '')}`);
  for (const r of reviewMismatch) console.log(`  a reviewed ${r.check} (${r.sample}) was expected ${r.count} time(s): review the new call sites`);
  const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !isReviewed(f));
  if (blocking.length > 0 || unparsed.length > 0 || reviewMismatch.length > 0) {
    console.error(`audit:electron failed: ${blocking.length} unreviewed high/medium finding(s), ${unparsed.length} file(s) not parsed.`);
    process.exitCode = 1;
  } else {
    console.log('audit:electron passed: no high or medium finding.');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * The report's rows (quoted CSV, header dropped).
 * @param {string} text
 * @returns {string[][]}
 */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        cells.push(cell.trim());
        cell = '';
      } else cell += c;
    }
    cells.push(cell.trim());
    rows.push(cells);
  }
  return rows;
}
