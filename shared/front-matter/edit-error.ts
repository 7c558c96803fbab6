/** An edit Recap will not make: the front matter is broken, or the change cannot be patched safely. */
export class FrontMatterEditError extends Error {
  constructor(
    message: string,
    /** 1-based line in the post, when known. */
    readonly line?: number,
    /** `invalid`: the block must be fixed first; `unsafe`: this edit belongs in the source view. */
    readonly reason: 'invalid' | 'unsafe' = 'unsafe',
  ) {
    super(message);
  }
}
