// Apart from the archive reader, so that telling an archive from a text loads no archive library.

const ZIP_MAGIC = [0x50, 0x4b];

/** "PK\3\4" (an archive with entries) or "PK\5\6" (an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === ZIP_MAGIC[0] &&
    bytes[1] === ZIP_MAGIC[1] &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6) || (bytes[2] === 7 && bytes[3] === 8))
  );
}
