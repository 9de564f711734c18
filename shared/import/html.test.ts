import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { importHtml, readHtml } from './html';
import { plain, sketch } from '../testing/sketch';



function imported(html: string): PolicyDocument {
  const doc = importHtml(html, { fileName: 'page.html' });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

describe('hostile HTML', () => {
  const HOSTILE = `<!doctype html><html><head><title>Evil</title><script>alert('head')</script>
    <meta http-equiv="refresh" content="0;url=javascript:alert(1)"><style>body{background:url(javascript:alert(1))}</style></head>
    <body onload="alert('body')">
    <h1 onclick="alert(1)">Privacy <img src=x onerror="alert('img')">Policy</h1>
    <p>Hello <img src="x" onerror="alert(1)"> world.<script>document.write('<p>injected</p>')</script></p>
    <p><a href="javascript:alert(1)">js link</a>, <a href="java&#09;script:alert(2)">tab link</a>, <a href=" JaVaScRiPt:alert(3)">case link</a>,
       <a href="data:text/html,<script>alert(4)</script>">data link</a>, <a href="vbscript:msgbox(1)">vb link</a>,
       <a href="/relative">relative link</a>, <a href="https://example.com/ok">safe link</a>, <a href="mailto:dpo@example.com">mail link</a>.</p>
    <iframe src="https://evil.example"><p>iframe text</p></iframe>
    <noscript><p>noscript text</p></noscript>
    <svg><script>alert('svg')</script><text>svg text</text><foreignObject><p>foreign</p></foreignObject></svg>
    <math><mi>math text</mi></math>
    <template><p>template text</p></template>
    <object data="x.swf">object text</object>
    <form action="https://evil.example"><input value="input text"><textarea>textarea text</textarea><button>button text</button><select><option>option text</option></select></form>
    <div hidden>hidden text</div><div style="display: none">invisible text</div>
    <p>a<!-- <script>alert(5)</script> -->b<!--></p><p>not a comment end-->c</p>
    <p>&lt;script&gt;alert("escaped")&lt;/script&gt;</p>
    <p style="background:url(javascript:alert(6))" class="x" id="y" data-x="z">styled</p>
    </body></html>`;

  const doc = imported(HOSTILE);
  const allText = doc.blocks.map(plain).join('\n');

  it('keeps only the text a reader sees, and none of the code', () => {
    expect(doc.title).toBe('Privacy Policy');
    for (const gone of ['head', 'injected', 'iframe text', 'noscript text', 'svg text', 'foreign', 'math text', 'template text', 'object text',
      'input text', 'textarea text', 'button text', 'option text', 'hidden text', 'invisible text', 'alert(5)']) {
      expect(allText).not.toContain(gone);
    }
    expect(allText).toContain('Hello world.');
    expect(allText).toContain('ab');
    // escaped markup is text, shown as text — never markup
    expect(allText).toContain('<script>alert("escaped")</script>');
    expect(allText).toContain('styled');
  });

  it('keeps only http, https and mailto links', () => {
    const links = doc.blocks.flatMap((b) => b.runs.filter((r) => r.link).map((r) => [r.text, r.link]));
    expect(links).toEqual([
      ['safe link', 'https://example.com/ok'],
      ['mail link', 'mailto:dpo@example.com'],
    ]);
    for (const name of ['js link', 'tab link', 'case link', 'data link', 'vb link', 'relative link']) expect(allText).toContain(name);
  });

  it('carries no attribute, no tag and no event handler into the document', () => {
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/onerror|onload|onclick|javascript|vbscript|data:|<img|<iframe|style=/i);
  });

  it('survives markup nested 100,000 deep without exhausting the stack', () => {
    const deep = `${'<div>'.repeat(100_000)}<p>deep text</p>${'</div>'.repeat(100_000)}`;
    const d = imported(`<h1>Deep</h1>${deep}`);
    expect(d.blocks.map(plain)).toContain('deep text');
  });
});

describe('HTML structure', () => {
  it('reads headings, marks, lists with nesting, and <br> as a paragraph break', () => {
    const doc = imported(`<h1>Cookie Policy</h1><p>Effective Date: 1 May 2024<br>Last updated: 2 May 2024</p>
      <h2>What We Use</h2><p>We use <b>strict</b>, <i>analytics</i> and <u>ad</u> cookies.</p>
      <ul><li>Session<ul><li>Login</li></ul></li><li><p>Preference</p><p>More about it.</p></li></ul>
      <ol start="3"><li>Third</li><li>Fourth</li></ol>`);
    expect([doc.title, doc.effectiveDate, doc.lastUpdated]).toEqual(['Cookie Policy', '2024-05-01', '2024-05-02']);
    expect(sketch(doc)).toEqual(['H1 What We Use', '¶ We use strict, analytics and ad cookies.', '• Session', '  • Login', '• Preference', '¶ More about it.', '# Third', '# Fourth']);
    expect(doc.blocks[1]?.runs).toEqual([
      { text: 'We use ' },
      { text: 'strict', marks: ['bold'] },
      { text: ', ' },
      { text: 'analytics', marks: ['italic'] },
      { text: ' and ' },
      { text: 'ad', marks: ['underline'] },
      { text: ' cookies.' },
    ]);
  });

  it('reads the style-based bold of word-processor HTML, including Google Docs\' bold that is not bold', () => {
    const doc = imported(
      '<b style="font-weight:normal" id="docs-internal-guid-1"><p><span style="font-weight:700">Terms</span></p><p><span style="font-weight:400">Plain</span> and <span style="font-style:italic;text-decoration:underline">both</span>.</p></b>',
    );
    expect(doc.title).toBe('Terms');
    expect(doc.blocks[0]?.runs).toEqual([{ text: 'Plain and ' }, { text: 'both', marks: ['italic', 'underline'] }, { text: '.' }]);
  });

  it('numbered <ol> items that read like headings are sections when their numbers fit; sentences stay list items', () => {
    const doc = imported('<h1>Policy</h1><ol><li><b>Who We Are</b></li></ol><p>A company.</p><ol start="2"><li><b>What We Collect</b></li></ol><p>Data.</p><ol><li>Names you give us in forms.</li><li>Emails you give us.</li></ol>');
    expect(sketch(doc)).toEqual(['H1 Who We Are', '¶ A company.', 'H1 What We Collect', '¶ Data.', '# Names you give us in forms.', '# Emails you give us.']);
  });

  it('takes the <title> when the page has no heading to use', () => {
    const doc = readHtml('<html><head><title>Terms &amp; Conditions</title></head><body><p>we agree.</p></body></html>');
    expect(doc.fallbackTitle).toBe('Terms & Conditions');
    expect(imported('<title>Terms &amp; Conditions</title><p>we agree to all of it, in full.</p>').title).toBe('Terms & Conditions');
  });

  it('keeps a table a table, its <th> row the header (issue 18: tables were flattened into paragraphs)', () => {
    const doc = imported('<h1>T</h1><table><tr><th>Cookie</th><th>Purpose</th></tr><tr><td>sid</td><td>Keeps you signed in.</td></tr></table>');
    expect(doc.blocks).toEqual([
      { kind: 'table', header: true, rows: [{ cells: [{ runs: [{ text: 'Cookie' }] }, { runs: [{ text: 'Purpose' }] }] }, { cells: [{ runs: [{ text: 'sid' }] }, { runs: [{ text: 'Keeps you signed in.' }] }] }] },
    ]);
  });
});
