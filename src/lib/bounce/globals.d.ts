// The few web-platform globals the engine uses. They exist in browsers, Web Workers and Node 20,
// but tsconfig.core.json loads no DOM or Node types, so they are declared here, minimally.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
