import { z } from 'zod';
import { VariableNameSchema, hasNoForbiddenCharacters } from './document';
import { MAX_VARIABLE_VALUE } from './variables';

/** The schemas of a project's variables, apart from variables.ts so that the renderer, which never validates, loads no zod. */
export const VariableValueSchema = z
  .string()
  .max(MAX_VARIABLE_VALUE, `must be at most ${MAX_VARIABLE_VALUE} characters`)
  .refine(hasNoForbiddenCharacters, 'contains a control character');

export const VariablesSchema = z.record(VariableNameSchema, VariableValueSchema);

/** The project's `variables.json`: names in alphabetical order, one a line. */
export const VariablesFileSchema = z.object({ format: z.literal(1), variables: VariablesSchema }).strict();
