// Custom Elements Manifest from the JSDoc on each element class (`npm run analyze`).
export default {
  globs: ['src/components/**/*.ts'],
  // Template parts, controllers and the context they share are internal modules of an element, not API.
  exclude: ['src/**/*.styles.ts', 'src/**/*.messages.ts', 'src/**/*.messages.cy.ts', 'src/**/parts.ts', 'src/**/*.parts.ts', 'src/**/*.controller.ts', 'src/**/*.context.ts'],
  outdir: '.',
  litelement: true,
  // Keep package.json's "customElements" pointing at the committed manifest, whatever --outdir says.
  packagejson: false,
  plugins: [
    {
      // Events are documented with @event on the class; the analyzer also records each
      // `dispatchEvent(new XEvent())` as a nameless entry, which would duplicate them in the docs.
      name: 'kindred-named-events-only',
      packageLinkPhase({customElementsManifest}) {
        // The analyzer lists modules in the file system's order, which differs between machines:
        // sort them so the committed manifest (and npm test's drift check) is the same everywhere.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('kin-'));
            if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name?.startsWith('#'));
          }
        }
      },
    },
  ],
};
