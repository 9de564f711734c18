import { describe, expect, it } from 'vitest';
import { leavesWhenDone, startsLight } from './launch';

describe('how a CLI process starts and ends', () => {
  it('leaves as soon as a command is done, but lets serve finish the requests it was answering', () => {
    expect(leavesWhenDone(['diff', 'a.md', 'b.md'])).toBe(true);
    expect(leavesWhenDone(['sync', 'project'])).toBe(true);
    expect(leavesWhenDone(['serve'])).toBe(false);
    expect(leavesWhenDone(['serve', 'project', '--port', '0'])).toBe(false);
  });

  it('starts --version and --help without the bundle, and every command with it', () => {
    expect(startsLight([])).toBe(true);
    expect(startsLight(['--version'])).toBe(true);
    expect(startsLight(['--help'])).toBe(true);
    expect(startsLight(['diff', 'a.md', 'b.md'])).toBe(false);
  });
});
