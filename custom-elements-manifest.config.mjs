// Custom Elements Manifest (custom-elements.json): what tooling, Storybook's controls and docs,
// and IDEs know about the four elements. Built from the classes' JSDoc by `npm run manifest`.
export default {
  globs: ['src/**/*.ts'],
  // Styles and generated locale modules hold no elements; they only add noise.
  exclude: ['src/**/*.styles.ts', 'src/i18n/generated/**'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest ("customElements"); never rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};

/**
 * Keeps the manifest to the public API: private/protected members, Lit internal state
 * (`_`-prefixed) and the static Lit plumbing (`properties`, `styles`) are not for users.
 */
function publicApiOnly() {
  const internal = new Set(['properties', 'styles']);
  return {
    name: 'forum-widgets-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          decl.members = decl.members?.filter(
            (m) =>
              m.privacy !== 'private' &&
              m.privacy !== 'protected' &&
              !m.name.startsWith('_') &&
              !m.name.startsWith('#') &&
              !(m.static && internal.has(m.name)),
          );
          decl.attributes = decl.attributes?.filter((a) => !a.fieldName?.startsWith('_') && !a.name.startsWith('_'));
        }
      }
    },
  };
}
