/**
 * The method names alone, without their schemas, for the Electron preload: it must stay tiny and load no zod.
 * contract.ts holds this list to the contract at type-check time (`BridgeMethodsMatchContract`), and a unit test at run time.
 */
export const BRIDGE_METHODS = [
  'getStartup',
  'listRecentProjects',
  'pickFolder',
  'openProject',
  'listFolder',
  'createProject',
  'createDocument',
  'renameDocument',
  'duplicateDocument',
  'deleteDocument',
  'listDeletedDocuments',
  'restoreDocument',
  'moveDocument',
  'saveProjectCopy',
  'addDocument',
  'loadDocument',
  'checkDocument',
  'writeJournal',
  'clearJournal',
  'recoverJournal',
  'settleJournal',
  'exportDocument',
  'importDocument',
  'saveDocument',
  'listVersions',
  'listVersionProblems',
  'saveVersion',
  'loadVersion',
  'compareDocuments',
  'exportComparison',
  'listClauses',
  'saveClause',
  'setTeamLibrary',
  'getVariables',
  'saveVariables',
  'listOutdatedClauseUses',
  'checkExport',
  'readWorkflow',
  'workflowStep',
  'suggestReviewSummary',
] as const;

export const IPC_PREFIX = 'policywright:';
export const MENU_COMMAND_CHANNEL = 'policywright-menu:command';
