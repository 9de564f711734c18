/**
 * The few globals that every place shared/ runs in (Node 20+, Chromium, Electron) provides, declared here so shared/
 * can compile against the ES library alone, with no DOM or Node typings to reach for anything else.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly href: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare function structuredClone<T>(value: T): T;

/** The Compression Streams API (Node 18+, Chromium, Electron): zlib's deflate, run off the main thread. */
declare class CompressionStream {
  constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

interface ReadableStream<R> {
  getReader(): { read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>; releaseLock(): void };
}

interface WritableStream<W> {
  getWriter(): { write(chunk: W): Promise<void>; close(): Promise<void>; readonly ready: Promise<void> };
}
