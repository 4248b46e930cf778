// Written at build time by scripts/build-embed.mjs (the core's virtual module).
declare module 'virtual:forum-widgets/chunks' {
  /** Module key ("lit", "base/feed-element", …) -> the bindings the chunks import from it. */
  export const modules: Record<string, Record<string, unknown>>;
  /** Widget short name -> its chunk's file (beside the core) and sha384. */
  export const chunks: Record<string, { file: string; integrity: string }>;
}
