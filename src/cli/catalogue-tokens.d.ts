// The catalogue's match tokens, computed by scripts/build-cli.mjs with the engine's own tokenizer when
// the command line and the library are built, and bundled as this module.
declare module 'bouncedoc:catalogue-tokens' {
  const tokens: string[][][];
  export default tokens;
}
