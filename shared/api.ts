/**
 * The one API contract. Every method is declared here once: its name, a zod
 * schema for its input and its result type. Electron IPC, the browser-mode
 * WebSocket and the renderer's client are all generic over this object, so
 * adding a method is one entry here plus one handler in electron/services.
 */
import { z } from 'zod';
import type { MenuCommand, PostDocument, PostList, SaveResult, Session } from './model';

/** Largest post Recap edits; larger files get a clear refusal instead of a frozen window. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const relativePath = z
  .string()
  .min(1, 'A path is required.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL characters.');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hash.');

function method<I extends z.ZodType>(input: I) {
  return {
    returns<O>() {
      return { input, output: undefined as unknown as O };
    },
  };
}

export const contract = {
  getSession: method(z.object({}).strict()).returns<Session>(),
  /** Without a path Electron asks with a native chooser; a path must be one the user opened before. */
  openFolder: method(z.object({ path: z.string().min(1).max(4096).optional() }).strict()).returns<Session>(),
  listPosts: method(z.object({}).strict()).returns<PostList>(),
  readPost: method(z.object({ path: relativePath }).strict()).returns<PostDocument>(),
  savePost: method(
    z
      .object({
        path: relativePath,
        text: z.string().max(MAX_POST_BYTES),
        baseHash: sha256,
      })
      .strict(),
  ).returns<SaveResult>(),
  /** Opens an http(s) or mailto link in the system browser after validation. */
  openExternal: method(z.object({ url: z.string().min(1).max(8192) }).strict()).returns<{ opened: boolean }>(),
  /** Tells the shell what the window shows, for its title and the unsaved-changes prompt on close. */
  setDocumentState: method(
    z.object({ title: z.string().max(512).nullable(), dirty: z.boolean() }).strict(),
  ).returns<null>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** What the renderer holds: every method, typed, returning a promise. */
export type RecapApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

/** What a door binds: handlers receive input already validated by the contract. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** Pushed from the main process (or server) to the window. */
export interface Events {
  menu: MenuCommand;
  session: Session;
}
export type EventName = keyof Events;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
