/**
 * Names that are safe as file names on every system a project folder travels to. A project made on Linux is opened
 * on Windows from a share or a clone, so the rules are Windows' rules, applied everywhere.
 */

/**
 * Windows opens a device, not a file, for these names, whatever the extension (`nul.txt`, `AUX.policy.json`) and
 * whatever the case; the superscript digits count too.
 */
const WINDOWS_DEVICES = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  'conin$',
  'conout$',
  ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³'].flatMap((digit) => [`com${digit}`, `lpt${digit}`]),
]);

/** The device a file name opens on Windows (`aux` for `Aux.policy.json`), or null for an ordinary name. */
export function windowsDeviceIn(fileName: string): string | null {
  // Windows reads the name up to its first dot, and ignores spaces before that dot.
  const stem = fileName.split('.')[0]?.replace(/ +$/, '').toLowerCase() ?? '';
  return WINDOWS_DEVICES.has(stem) ? stem : null;
}

export function isWindowsDeviceName(fileName: string): boolean {
  return windowsDeviceIn(fileName) !== null;
}

/** Why a device name is refused, worded to follow the name in a sentence or a schema message. */
export const DEVICE_NAME_PROBLEM = 'is a device name on Windows (con, prn, aux, nul, com0–9, lpt0–9), so it cannot name a file';

/**
 * The name among `existing` that is the same as `name` once case is ignored but spelled differently: on Windows and
 * macOS the two are one file, so writing one would overwrite the other.
 */
export function caseTwinIn(name: string, existing: Iterable<string>): string | null {
  const key = caseKey(name);
  for (const other of existing) if (other !== name && caseKey(other) === key) return other;
  return null;
}

/** How Windows and macOS compare names: ignoring case, with the composed and decomposed accents alike. */
export function caseKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The most a download's name keeps of a title: long enough to read, short enough for every file system's limit. */
const MAX_TITLE_CHARACTERS = 120;

/**
 * A file name (without extension) a person recognises, from a document's title: what Windows forbids in a name
 * (`<>:"/\|?*`, control characters, a trailing dot or space) becomes a space or goes, and a device name (`Aux`) gets a
 * word added, so the file can be saved on any system. `fallback` (the document's id) names a title with nothing left.
 */
export function fileNameFromTitle(title: string, fallback: string): string {
  const cleaned = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = [...cleaned].slice(0, MAX_TITLE_CHARACTERS).join('').replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (short === '') return fallback;
  return isWindowsDeviceName(short) ? `${short} document` : short;
}
