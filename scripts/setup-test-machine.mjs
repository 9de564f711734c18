// Makes sure this machine has what the tests drive and read, installing Debian packages where they are missing.
// The tests never download a browser of their own: they use Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each program the tests need, with the Debian package that provides it. */
const NEEDS = [
  { program: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', why: 'end-to-end tests and the benchmark' },
  { program: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core', why: 'stable text rendering in screenshots' },
  // The real readers that check our exports and make import fixtures.
  { program: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui', why: 'opens exported DOCX files and converts them to PDF' },
  { program: '/usr/lib/python3/dist-packages/uno.py', pkg: 'python3-uno', why: "drives LibreOffice's Accept All and Reject All on DOCX redlines" },
  { program: '/usr/bin/pdftotext', pkg: 'poppler-utils', why: 'reads the text of those PDFs' },
  { program: '/usr/bin/tidy', pkg: 'tidy', why: 'validates exported HTML' },
  { program: '/usr/bin/pandoc', pkg: 'pandoc', why: 'reads exported Markdown and DOCX, makes import fixtures' },
  { program: '/usr/lib/python3/dist-packages/docx/__init__.py', pkg: 'python3-docx', why: 'reads styles and numbering of exported DOCX' },
  { program: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', pkg: 'fonts-liberation', why: 'Arial-compatible metrics for DOCX pages' },
];

const missing = NEEDS.filter((need) => !existsSync(need.program));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((need) => need.pkg))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`The tests need these Debian packages: ${packages.join(' ')}.`);
  for (const need of missing) console.error(`  ${need.pkg}: ${need.program} (${need.why})`);
  console.error(`Install them with: sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${packages.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
const still = missing.filter((need) => !existsSync(need.program));
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((need) => need.program).join(', ')}`);
  process.exit(1);
}
