import { useSlateSelector } from 'slate-react';
import type { Command } from '../../shared/api/commands';
import { SHORTCUT_LABELS } from './keys';
import { currentMarks, type MarkName } from './marks';

const MARKS: MarkName[] = ['bold', 'italic', 'underline'];

interface ButtonSpec {
  command: Command;
  label: string;
  text: string;
}

const GROUPS: ButtonSpec[][] = [
  [
    { command: 'save', label: 'Save', text: 'Save' },
  ],
  [
    { command: 'undo', label: 'Undo', text: '↶' },
    { command: 'redo', label: 'Redo', text: '↷' },
  ],
  [
    { command: 'insertSection', label: 'New section', text: '+ Section' },
    { command: 'insertSubsection', label: 'New subsection', text: '+ Subsection' },
    { command: 'promoteSection', label: 'Promote section', text: '⇤' },
    { command: 'demoteSection', label: 'Demote section', text: '⇥' },
    { command: 'moveSectionUp', label: 'Move section up', text: '↑' },
    { command: 'moveSectionDown', label: 'Move section down', text: '↓' },
  ],
  [
    { command: 'bold', label: 'Bold', text: 'B' },
    { command: 'italic', label: 'Italic', text: 'I' },
    { command: 'underline', label: 'Underline', text: 'U' },
    { command: 'link', label: 'Link', text: 'Link' },
  ],
  [
    { command: 'bulletedList', label: 'Bulleted list', text: '• Bulleted' },
    { command: 'numberedList', label: 'Numbered list', text: 'Numbered' },
  ],
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
          {group.map((button) => {
            const shortcut = SHORTCUT_LABELS[button.command];
            return (
              <button
                key={button.command}
                type="button"
                className={`tool tool-${button.command}`}
                aria-label={button.label}
                aria-pressed={button.command in pressed ? pressed[button.command] : undefined}
                title={shortcut ? `${button.label} (${shortcut})` : button.label}
                // Keep the editor's selection: a mousedown on a button would otherwise move focus away first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onCommand(button.command)}
              >
                {button.text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
