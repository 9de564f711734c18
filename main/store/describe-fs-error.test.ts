import { describe, expect, it } from 'vitest';
import { causeOf, describeFsFailure, describeWriteFailure, errnoOf, knownCauseOf } from './describe-fs-error';

const failure = (code: string) => Object.assign(new Error(`${code}: the system's own words, open '/tmp/.a.json.0123456789ab.tmp'`), { code });

describe('one sentence for a file the system refused', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EDQUOT', 'the disk quota is used up'],
    ['EROFS', 'the disk or folder is read-only'],
    ['EACCES', 'permission was denied'],
    ['EPERM', 'permission was denied'],
    ['ENOENT', 'its folder is gone (moved, renamed or deleted outside Policywright)'],
    ['ENOTDIR', 'a folder on its way is a file'],
    ['ENAMETOOLONG', 'its path is too long for this system'],
    ['EIO', 'the disk reported a read or write error'],
    ['EMFILE', 'too many files are open just now'],
    ['EBUSY', 'another program is holding a file open'],
  ])('names the file and says %s as "%s", never the errno or a temporary name', (code, cause) => {
    const sentence = describeWriteFailure('documents/a.json', failure(code));
    expect(sentence).toBe(`documents/a.json could not be saved: ${cause}.`);
    expect(sentence).not.toMatch(/E[A-Z]{3,}|\.tmp|system's own/);
  });

  it('says a file to be read that is not there, or is a folder, plainly', () => {
    expect(describeFsFailure('documents/a.json', failure('ENOENT'), 'read')).toBe('documents/a.json does not exist.');
    expect(describeFsFailure('documents/a.json', failure('EISDIR'), 'read')).toBe('documents/a.json is a folder, not a file.');
    expect(describeFsFailure('documents/a.json', failure('EACCES'), 'read')).toBe('documents/a.json could not be read: permission was denied.');
    expect(describeFsFailure('The folder documents', failure('EROFS'), 'made')).toBe('The folder documents could not be made: the disk or folder is read-only.');
  });

  it('says something a person can act on for an error it has no words for', () => {
    expect(describeWriteFailure('a.json', new Error('EWHATEVER'))).toBe('a.json could not be saved: the system refused it; check that the drive is connected and try again.');
    expect(knownCauseOf(new Error('x'))).toBeNull();
    expect(causeOf(null)).toBe('the system refused it; check that the drive is connected and try again');
  });

  it('finds the errno behind a described failure and among the errors isomorphic-git gathered', () => {
    expect(errnoOf(Object.assign(new Error('described'), { cause: failure('ENOSPC') }))).toBe('ENOSPC');
    expect(errnoOf({ errors: [new Error('no code'), failure('EIO')] })).toBe('EIO');
    expect(errnoOf({ data: { errors: [failure('EROFS')] } })).toBe('EROFS');
    expect(errnoOf(failure('EEXIST'))).toBeNull();
  });

  it('passes over the codes a caller says are not the person’s, looking on for one that is', () => {
    const both = { errors: [failure('ENOENT'), failure('ENOSPC')] };
    expect(knownCauseOf(both)).toBe('its folder is gone (moved, renamed or deleted outside Policywright)');
    expect(knownCauseOf(both, new Set(['ENOENT']))).toBe('the disk is full');
    expect(knownCauseOf(failure('ENOENT'), new Set(['ENOENT']))).toBeNull();
  });
});
