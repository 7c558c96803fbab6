/**
 * Event names at run time, for doors that must drop unknown ones. Kept apart
 * from api.ts (and its zod schemas) so the renderer bundle stays free of zod:
 * the import of api.ts below is type-only and vanishes from the build.
 */
import type { EventName } from './api';

/** A missing or extra name fails the build. */
const eventNameSet: Record<EventName, true> = { menu: true, session: true, exportProgress: true, postsChanged: true };

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameSet, name);
}
