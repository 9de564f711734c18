import { useState } from 'react';
import { isVariableName } from '../../shared/model/vocabulary';
import { variableLabel, type VariableValues } from '../../shared/model/variables';

interface Props {
  variables: VariableValues;
  /** Names used by clauses or the document that the project does not define. */
  undefinedNames: readonly string[];
  onChange: (next: VariableValues) => void;
}

/** The project's variables: the values every clause placeholder takes, in every document of the project. */
export function VariablesPanel({ variables, undefinedNames, onChange }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const names = Object.keys(variables).sort();
  const add = (newName: string) => {
    const trimmed = newName.trim();
    if (!isVariableName(trimmed)) return setError('A variable name is lowercase letters, digits and underscores, starting with a letter, like company_name.');
    if (Object.hasOwn(variables, trimmed)) return setError(`${trimmed} is already defined.`);
    setError(null);
    setName('');
    onChange({ ...variables, [trimmed]: '' });
  };
  return (
    <div className="variables-panel">
      <p className="muted panel-note">Values shown in every clause of every document in this project, and written by exports.</p>
      {names.map((n) => (
        <label key={n} className="field">
          <span>
            {variableLabel(n)} <code>{`{{${n}}}`}</code>
          </span>
          <input
            value={variables[n] ?? ''}
            maxLength={2000}
            className={variables[n] ? '' : 'unfilled'}
            placeholder="No value yet: exports write [name]"
            onChange={(e) => onChange({ ...variables, [n]: e.target.value })}
          />
        </label>
      ))}
      {undefinedNames.length > 0 ? (
        <div className="field-error" role="alert">
          Used but not defined:{' '}
          {undefinedNames.map((n) => (
            <button key={n} type="button" className="small" onClick={() => add(n)}>
              Define {n}
            </button>
          ))}
        </div>
      ) : null}
      <form
        className="add-variable"
        onSubmit={(e) => {
          e.preventDefault();
          add(name);
        }}
      >
        <input aria-label="New variable name" placeholder="new_variable" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="small">
          Add
        </button>
      </form>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
