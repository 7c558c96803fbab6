/**
 * The few globals shared/ may use: those every runtime Recap runs in (Node,
 * Electron, browsers, web workers) provides with the same meaning. Declared
 * here because shared/ compiles without the Node and DOM type libraries.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
}
