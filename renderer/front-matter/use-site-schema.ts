import { useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { SiteSchema } from '../../shared/front-matter/schema';
import { describeError } from '../app/error-message';

export interface SiteSchemaState {
  /** Null until the first answer (or when the site's schema cannot be read). */
  schema: SiteSchema | null;
  error: ErrorInfo | null;
}

// The form mounts once per opened post; the last answer shows at once instead of a form without labels.
const lastSchema = new WeakMap<RecapBridge, SiteSchema>();

/** The site's fields, asked again whenever files change on disk (new tags, a fixed `.recap.json`). */
export function useSiteSchema(api: RecapBridge): SiteSchemaState {
  const [state, setState] = useState<SiteSchemaState>(() => ({ schema: lastSchema.get(api) ?? null, error: null }));
  const [changes, setChanges] = useState(0);
  useEffect(() => api.on('postsChanged', () => setChanges((n) => n + 1)), [api]);

  useEffect(() => {
    let live = true;
    api.getSchema({}).then(
      (schema) => {
        lastSchema.set(api, schema);
        if (live) setState({ schema, error: null });
      },
      (error: unknown) => {
        lastSchema.delete(api);
        if (live) setState({ schema: null, error: describeError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, changes]);

  return state;
}
