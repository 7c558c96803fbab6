/** Which journaled drafts of a site are worth offering: those that differ from the file on disk. */
import { RecapError } from '../../../shared/errors';
import type { PostDocument, RecoveredDraft } from '../../../shared/model';
import type { DraftJournal } from './draft-journal';
import { readPost } from './read-post';

export async function recoverDrafts(journal: DraftJournal, root: string): Promise<RecoveredDraft[]> {
  const drafts: RecoveredDraft[] = [];
  // Newest first: when several tabs left a draft of one post, the newest is offered; the others stay journaled.
  for (const record of (await journal.list(root)).reverse()) {
    if (drafts.some((d) => d.path === record.path)) continue;
    let disk: PostDocument | null;
    try {
      disk = await readPost(root, record.path);
    } catch (error) {
      // Deleted since: still offered, so the text can be saved again. Anything else
      // (now binary, too large, unreadable) stays journaled but is not offered.
      if (error instanceof RecapError && error.code === 'not-found') disk = null;
      else continue;
    }
    if (disk && disk.text === record.text) {
      // Nothing would be recovered: the file already holds this text.
      await journal.discard(root, record.path, record.tab);
      continue;
    }
    drafts.push({ path: record.path, text: record.text, baseHash: record.baseHash, savedAt: record.savedAt, disk });
  }
  return drafts.reverse();
}
