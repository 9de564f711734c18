import type { ExportedFile } from '../../shared/api/contract';

/** Offers an exported file to the person: a download in a browser, the system's save dialog in Electron. */
export function offerDownload(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled; keep the URL a moment for slow download managers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A File from an input or a drop, as base64 for the API. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Text made in the window (a CSV) as a file to offer: UTF-8, carried as base64 like an export. */
export function textFile(fileName: string, mimeType: string, text: string): ExportedFile {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { fileName, mimeType, base64: btoa(binary) };
}
