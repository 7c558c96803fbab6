/**
 * Where a cursor offset lands after the text around it was replaced from
 * outside (a reload from disk): text before the first change and after the
 * last change keeps the cursor next to the same characters.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (offset <= head) return Math.min(offset, after.length);
  if (offset >= before.length - tail) return Math.max(head, Math.min(after.length, offset + after.length - before.length));
  // Inside the replaced part: stay there, as close to the old place as the new text allows.
  return Math.min(offset, after.length - tail);
}
