// The catalogue's match index, computed by scripts/build-cli.mjs with the engine's own indexCatalogue
// when the command line and the library are built, and bundled as this module. Its shape is checked
// against CatalogueIndex where bundled-catalogue.ts passes it to primeCatalogue.
declare module 'bouncedoc:catalogue-index' {
  const index: {
    entries: number;
    texts: number;
    characters: number;
    vocabulary: string;
    idf: number[];
    tokenStarts: number[];
    tokenIds: number[];
    uniqueStarts: number[];
    uniqueIds: number[];
    totals: number[];
    postingStarts: number[];
    postings: number[];
  };
  export default index;
}
