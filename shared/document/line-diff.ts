/**
 * Line diff for showing an author what differs between two versions of a
 * post (a recovered draft and the file on disk, the editor and a file changed
 * by another tool). Myers' algorithm after trimming the common head and tail;
 * the work is bounded, so two unrelated 10 MB texts cannot freeze a window:
 * past the bound the differing middle is shown as one replaced block.
 */

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line in the old text; null for an added line. */
  oldLine: number | null;
  /** 1-based line in the new text; null for a removed line. */
  newLine: number | null;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** The edits exceeded the bound: the differing middle is one removed block then one added block. */
  approximate: boolean;
}

export interface DiffOptions {
  /** Most line edits searched for; the cost grows with its square. */
  maxEdits?: number;
}

/** Unchanged lines left out of a collapsed diff. */
export interface SkippedLines {
  op: 'skip';
  count: number;
}

const DEFAULT_MAX_EDITS = 1000;

export function diffLines(before: string, after: string, options: DiffOptions = {}): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  const ids = new Map<string, number>();
  const intern = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const aIds = a.map(intern);
  const bIds = b.map(intern);

  let head = 0;
  while (head < a.length && head < b.length && aIds[head] === bIds[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && aIds[a.length - 1 - tail] === bIds[b.length - 1 - tail]) tail++;

  const middle = myers(aIds.slice(head, a.length - tail), bIds.slice(head, b.length - tail), options.maxEdits ?? DEFAULT_MAX_EDITS);
  const approximate = middle === null;
  const ops: DiffOp[] = [
    ...new Array<DiffOp>(head).fill('same'),
    ...(middle ?? [...new Array<DiffOp>(a.length - head - tail).fill('removed'), ...new Array<DiffOp>(b.length - head - tail).fill('added')]),
    ...new Array<DiffOp>(tail).fill('same'),
  ];

  const lines: DiffLine[] = [];
  let x = 0;
  let y = 0;
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op === 'same') {
      lines.push({ op, text: a[x]!, oldLine: ++x, newLine: ++y });
    } else if (op === 'removed') {
      lines.push({ op, text: a[x]!, oldLine: ++x, newLine: null });
      removed++;
    } else {
      lines.push({ op, text: b[y]!, oldLine: null, newLine: ++y });
      added++;
    }
  }
  return { lines, added, removed, approximate };
}

/** Keeps `context` unchanged lines around each change and folds the rest into skips. */
export function collapseUnchanged(lines: readonly DiffLine[], context = 3): Array<DiffLine | SkippedLines> {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.op === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const out: Array<DiffLine | SkippedLines> = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped > 0) out.push({ op: 'skip', count: skipped });
      skipped = 0;
      out.push(line);
    } else {
      skipped++;
    }
  });
  if (skipped > 0) out.push({ op: 'skip', count: skipped });
  return out;
}

/**
 * Myers' O((N+M)·D) shortest edit script over interned lines. Returns null
 * when more than `maxEdits` edits would be needed.
 */
function myers(a: readonly number[], b: readonly number[], maxEdits: number): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  /** trace[d]: the furthest x per diagonal before step d, for k in [-d-1, d+1]. */
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, edits: number): DiffOp[] {
  const reversed: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const w = trace[d]!;
    const zero = d + 1; // index of diagonal 0 in this window
    const k = x - y;
    const prevK = k === -d || (k !== d && w[zero + k - 1]! < w[zero + k + 1]!) ? k + 1 : k - 1;
    const prevX = w[zero + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push('same');
      x--;
      y--;
    }
    if (x === prevX) {
      reversed.push('added');
      y--;
    } else {
      reversed.push('removed');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    reversed.push('same');
    x--;
    y--;
  }
  return reversed.reverse();
}
