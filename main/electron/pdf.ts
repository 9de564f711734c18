import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../export/pdf';

/** Prints an exported HTML page with Electron's own Chromium, in a hidden window that runs no script. */
export const electronPdf: PdfRenderer = async (html) => {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
};
