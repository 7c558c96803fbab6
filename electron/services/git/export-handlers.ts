/** The contract's git methods, bound to the open site; app-handlers.ts spreads them in. */
import type { Handlers } from '../../../shared/api';
import type { ExportProgress } from '../../../shared/export';
import { exportPost, exportPreview, pullRebaseExport, pushExport, type ExportContext } from './export-service';
import { gitStatus } from './status';

export type ExportHandlers = Pick<Handlers, 'gitStatus' | 'exportPreview' | 'exportPost' | 'pushBranch' | 'pullRebase'>;

export interface ExportBinding {
  /** The open site's root; throws RecapError('no-site') when none is open. */
  siteRoot(): string;
  /** Site-relative paths of every post, for the post list's states. */
  postPaths(): Promise<string[]>;
  /** Broadcasts `exportProgress` to the window(s). */
  onProgress?: (progress: ExportProgress) => void;
}

export function createExportHandlers(binding: ExportBinding): ExportHandlers {
  const context = (): ExportContext => ({ siteRoot: binding.siteRoot(), onProgress: binding.onProgress });
  return {
    gitStatus: async () => gitStatus(binding.siteRoot(), () => binding.postPaths()),
    exportPreview: ({ path }) => exportPreview(context(), path),
    exportPost: (request) => exportPost(context(), request),
    pushBranch: (request) => pushExport(context(), request),
    pullRebase: (request) => pullRebaseExport(context(), request),
  };
}
