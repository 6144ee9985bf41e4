// The catalogue's match index, computed by scripts/build-cli.mjs with the engine's own indexCatalogue
// when the command line and the library are built, and bundled as this module.
declare module 'bouncedoc:catalogue-index' {
  // An ambient module cannot import by a relative path; an import type names the engine's own shape.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const index: import('../lib/bounce/match-entries.ts').CatalogueIndex;
  export default index;
}
