import { describe, expect, it } from 'vitest';
import { htmlToFragment } from './paste-html';

describe('htmlToFragment (rich paste)', () => {
  it('keeps headings, lists, marks and safe links as document nodes', () => {
    const fragment = htmlToFragment('<h2>Scope</h2><p>We <u>never</u> sell data. See <a href="https://example.org/x">this</a>.</p><ol><li>one</li></ol>');
    expect(fragment.map((node) => node.type)).toEqual(['heading', 'paragraph', 'list-item']);
    expect(fragment[0]).toMatchObject({ type: 'heading', level: 2, children: [{ text: 'Scope' }] });
    expect(fragment[1]?.children).toEqual([
      { text: 'We ' },
      { text: 'never', underline: true },
      { text: ' sell data. See ' },
      { type: 'link', href: 'https://example.org/x', children: [{ text: 'this' }] },
      { text: '.' },
    ]);
    expect(fragment[2]).toMatchObject({ type: 'list-item', list: 'number', indent: 0 });
  });

  it('drops scripts, styles, images, event handlers and unsafe links, keeping their visible text only', () => {
    const fragment = htmlToFragment('<p onclick="x()">a<script>evil()</script><style>p{}</style><img src=x onerror=y()><a href="javascript:z()">b</a></p>');
    expect(JSON.stringify(fragment)).not.toMatch(/evil|onclick|onerror|javascript|img|style/);
    expect(fragment).toEqual([{ type: 'paragraph', children: [{ text: 'ab' }] }]);
  });
});
