import { useSlateSelector } from 'slate-react';
import { commandSpec, shortcutText, type Command } from '../../shared/api/commands';
import { currentMarks, type MarkName } from './marks';

const MARKS: MarkName[] = ['bold', 'italic', 'underline'];

// The toolbar's layout; each button's name, face and shortcut hint come from the command table.
const GROUPS: Command[][] = [
  ['save'],
  ['undo', 'redo'],
  ['insertSection', 'insertSubsection', 'promoteSection', 'demoteSection', 'moveSectionUp', 'moveSectionDown'],
  ['bold', 'italic', 'underline', 'link'],
  ['bulletedList', 'numberedList'],
];

export function Toolbar({ onCommand }: { onCommand: (command: Command) => void }) {
  // One selector, returning a string, so a keystroke costs one comparison here.
  const active = useSlateSelector((editor) => {
    const marks = currentMarks(editor);
    return MARKS.filter((mark) => marks?.[mark] === true).join(' ');
  });
  const pressed: Partial<Record<Command, boolean>> = Object.fromEntries(MARKS.map((mark) => [mark, active.split(' ').includes(mark)]));
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing">
      {GROUPS.map((group, i) => (
        <div className="toolbar-group" key={i}>
          {group.map((command) => {
            const { label, toolbar } = commandSpec(command);
            const shortcut = shortcutText(command);
            return (
              <button
                key={command}
                type="button"
                className={`tool tool-${command}`}
                aria-label={label}
                aria-pressed={command in pressed ? pressed[command] : undefined}
                title={shortcut ? `${label} (${shortcut})` : label}
                // Keep the editor's selection: a mousedown on a button would otherwise move focus away first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onCommand(command)}
              >
                {toolbar}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
