/** Rewrites the README's Speed table (between the bench:start and bench:end markers) from a bench run. */
import { readFile, writeFile } from 'node:fs/promises';

export interface TableRow {
  name: string;
  value: number | string;
  /** Empty for a comparison figure without a target. */
  target: string;
  pass?: boolean;
}

export async function writeReadmeTable(readme: string, intro: string, rows: TableRow[]): Promise<void> {
  const text = await readFile(readme, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start === -1 || end === -1 || end < start) return;
  const table = [
    intro,
    '',
    '| figure | value | target | |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.value} | ${r.target || '—'} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**fail**'} |`),
  ].join('\n');
  await writeFile(readme, text.slice(0, start) + '<!-- bench:start -->\n' + table + '\n' + text.slice(end));
}
