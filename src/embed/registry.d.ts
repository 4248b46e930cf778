// Written at build time by scripts/build-embed.mjs (the core's virtual module).
declare module 'virtual:forum-widgets/chunks' {
  /** Every binding the chunks import from Lit and the shared modules, under a short key, as they are when called. */
  export const modules: () => Record<string, unknown>;
  /** The package version and a hash of the registry's keys (`0.1.0+1a2b3c4d`): chunks run only with the core of their build. */
  export const release: string;
  /** Tag -> the widget's short name (its chunk is forum-widgets.<name>.js beside the core) and its chunk's sha384. */
  export const widgets: Record<string, { name: string; integrity: string }>;
  /** The CMS-markup upgrader's chunk (forum-widgets.markup.js). */
  export const markup: { name: string; integrity: string };
}
