import { FormatError } from '../../shared/format/problems';
import {
  mergeDocumentFile,
  mergeManifestFile,
  mergeVariablesFile,
  mergeWholeFile,
  type FileEditions,
  type FileMerge,
} from '../../shared/merge/merge-files';
import { MANIFEST_FILE, VARIABLES_FILE } from '../store/project-files';
import { documentIdOf } from '../store/history-git';

/**
 * One project file merged by what it is: a document by section and paragraph, the project file and the variables
 * field by field, anything else (a clause) as a whole. A side that cannot be read as what it should be (a file damaged
 * by hand) is merged as a whole, so the person decides and nothing is dropped.
 */
export function mergeProjectFile(file: FileEditions): FileMerge {
  const merge = file.name === MANIFEST_FILE
    ? mergeManifestFile
    : file.name === VARIABLES_FILE
      ? mergeVariablesFile
      : file.name.startsWith('documents/') && documentIdOf(file.name.slice('documents/'.length)) !== null
        ? mergeDocumentFile
        : mergeWholeFile;
  try {
    return merge(file);
  } catch (error) {
    if (error instanceof FormatError || error instanceof SyntaxError) return mergeWholeFile(file);
    throw error;
  }
}

/** The same merge seen from the other side: where both changed a place, theirs stands instead of mine. */
export function mergeTakingTheirs(file: FileEditions): FileMerge {
  return mergeProjectFile({ ...file, mine: file.theirs, theirs: file.mine });
}
