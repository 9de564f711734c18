import type { BrowserContext, Page } from '@playwright/test';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { importDocument } from '../shared/import/index';
import { safeLink } from '../shared/model/link';
import { stripForbiddenCharacters, type Block, type PolicyDocument, type Run } from '../shared/model/document';
import { clickEndOfHeading, expect, test } from './fixtures';
import { payloads, type Payload } from './injection-payloads';

/**
 * The injection corpus, pushed through every way text reaches the app or leaves it: paste, HTML/Markdown/DOCX import,
 * project files (document text, links, titles, clause text, variable values, version names) and every HTML export
 * (the page, the body-only fragment, the redline). Chromium loads the editor and every export with a tripwire armed:
 * any payload that runs calls __tripwire, alert, print or open; a navigation, a pop-up, a request leaving the app, a
 * CSP violation or an unexpected element counts as a failure too. The promise: 0 scripts ran, 0 navigations.
 */

const CORPUS = payloads();
const EXPORT_ORIGIN = 'https://export.test';
const VERSION_NAMES = 24;

interface Watch {
  readonly hits: string[];
  readonly navigations: string[];
  readonly requestsOut: string[];
  /** Main-frame addresses the test itself opens. */
  readonly expected: Set<string>;
}

const ARM = () => {
  const w = window as unknown as Record<string, unknown> & { __tripwire: (what: unknown) => void };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) w[name] = () => w.__tripwire(name);
  document.addEventListener('securitypolicyviolation', (e) => {
    // zod, in the app's own paste converter, probes once whether it may compile code (Function('')); the app's CSP
    // refuses, as it should. That probe is the app's, carries no text, and is counted apart; every other violation
    // is a payload's.
    const probe = e.blockedURI === 'eval' && /\/assets\/[\w-]+\.js$/.test(e.sourceFile) && location.protocol === 'http:';
    if (probe) w.__evalProbes = Number(w.__evalProbes ?? 0) + 1;
    else w.__tripwire(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
};

async function arm(context: BrowserContext, page: Page, appOrigin: string): Promise<Watch> {
  const watch: Watch = { hits: [], navigations: [], requestsOut: [], expected: new Set() };
  await page.exposeFunction('__tripwire', (what: unknown) => watch.hits.push(String(what)));
  await page.addInitScript(ARM);
  page.on('dialog', (dialog) => {
    watch.hits.push(`dialog ${dialog.type()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    if (frame !== page.mainFrame() || !watch.expected.has(url)) watch.navigations.push(url);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    const own = url.origin === appOrigin && /^\/(?:$|assets\/|api\/|favicon)/.test(url.pathname);
    if (!own && url.origin !== EXPORT_ORIGIN && url.protocol !== 'data:') watch.requestsOut.push(request.url());
  });
  return watch;
}

const HOST_METHODS = new Set(['getStartup', 'listRecentProjects', 'pickFolder', 'openProject', 'createProject']);

/**
 * An API call as the app makes it: about the project the window has open (every project call names it), and a save
 * based on the file as it is now (every save names the stamp of the file it replaces).
 */
async function api<T>(page: Page, method: string, input: Record<string, unknown>): Promise<T> {
  if (!HOST_METHODS.has(method) && input.project === undefined) {
    const startup = await rawApi<{ project: { path: string } }>(page, 'getStartup', {});
    input = { project: startup.project.path, ...input };
  }
  if (method === 'saveDocument' && input.base === undefined) {
    const loaded = await rawApi<{ stamp: string }>(page, 'loadDocument', { project: input.project, documentId: input.documentId });
    input = { ...input, base: loaded.stamp };
  }
  return rawApi<T>(page, method, input);
}

async function rawApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'same-origin' });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, JSON.stringify(input)] as const,
  );
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
  return reply.value as T;
}

/** Markup that must never appear in an export's body. */
const FOREIGN = 'script, iframe, frame, object, embed, img, svg, math, base, form, input, button, textarea, select, template, noscript, meta, link, video, audio, style, xss, marquee, details, map, area';
/** In the app, its own controls (buttons, forms, inputs) are expected; none of these is ever the app's own. */
const FOREIGN_IN_APP = 'script, iframe, frame, object, embed, img, svg, math, base, template, noscript, meta, link, video, audio, style, xss, marquee, map, area';

/** What the page holds that it should not: foreign elements, event-handler attributes, links off the three schemes. */
async function foreignMarkup(page: Page, root: string, foreign = root === 'body' ? FOREIGN : FOREIGN_IN_APP): Promise<string[]> {
  return page.evaluate(
    ([selector, foreign]) => {
      const out: string[] = [];
      for (const scope of Array.from(document.querySelectorAll(selector))) {
        for (const el of Array.from(scope.querySelectorAll(foreign))) out.push(`<${el.tagName.toLowerCase()}>`);
        for (const el of [scope, ...Array.from(scope.querySelectorAll('*'))]) {
          for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) out.push(`${el.tagName.toLowerCase()} ${attr.name}`);
          const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
          if (href !== null && !/^(?:https?:|mailto:|#)/.test(href)) out.push(`${el.tagName.toLowerCase()} href=${href.slice(0, 60)}`);
        }
      }
      return out;
    },
    [root, foreign] as const,
  );
}

/** A paragraph per payload, its text the payload, with a link that carries the payload inside an allowed address. */
function payloadBlocks(items: readonly Payload[], variables = false): Block[] {
  const blocks: Block[] = [];
  items.forEach((p, i) => {
    const text = stripForbiddenCharacters(p.text);
    if (i % 20 === 0) blocks.push({ kind: 'heading', id: `s-inj${String(i).padStart(5, '0')}`, level: 1, runs: [{ text: text || 'x' }] });
    const runs: Run[] = [{ text: text || 'x' }];
    const link = safeLink(`https://example.com/${text}`) ?? safeLink(`mailto:a@example.com?body=${encodeURIComponent(text)}`);
    if (link !== null) runs.push({ text: ' link', link });
    if (variables) runs.push({ text: ' ' }, { text: `{{inj_${p.id}}}`, variable: `inj_${p.id}` });
    blocks.push(i % 3 === 2 ? { kind: 'list-item', list: 'bullet', indent: 0, runs } : { kind: 'paragraph', runs });
  });
  return blocks;
}

async function docxOf(items: readonly Payload[]): Promise<Uint8Array> {
  const children = items.map(
    (p) =>
      new Paragraph({
        children: [
          new TextRun(stripForbiddenCharacters(p.text)),
          // The payload as a hyperlink's target: an external relationship, as a hostile Word file would carry it.
          new ExternalHyperlink({ link: stripForbiddenCharacters(p.text.replace(/^.*?(?:href|src|data|action)="([^"]*)".*$/s, '$1')), children: [new TextRun(' link')] }),
        ],
      }),
  );
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Hostile Word file')], heading: 'Title' }), ...children] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function asDocument(title: string, blocks: Block[]): PolicyDocument {
  return { format: 4, title, effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal', blocks };
}

/** Every block an importer made of each payload, in one document (one import per payload, so none hides another). */
async function importedBlocks(format: 'html' | 'md'): Promise<{ blocks: Block[]; refused: number }> {
  const blocks: Block[] = [];
  let refused = 0;
  for (const p of CORPUS) {
    const body = format === 'html' ? `<!doctype html><html><body><h1>Imported</h1><p>Before.</p>${p.text}<p>After.</p></body></html>` : `# Imported\n\nBefore.\n\n${p.text}\n\nAfter.\n`;
    try {
      const doc = await importDocument(`payload-${p.id}.${format}`, new TextEncoder().encode(body));
      blocks.push(...doc.blocks.filter((b) => b.kind !== 'heading'));
    } catch {
      refused++;
    }
  }
  return { blocks, refused };
}

test('no payload of the injection corpus runs or navigates, through paste, import, project files and every HTML export', async ({ page, app, context }) => {
  test.setTimeout(240_000);
  expect(CORPUS.length).toBeGreaterThanOrEqual(500);
  const appOrigin = new URL(app.url).origin;
  const watch = await arm(context, page, appOrigin);
  await page.evaluate(ARM);
  const counts: Record<string, number> = {};

  // The tripwire itself works: a payload served as is, with nothing in between, is caught.
  const viewer = await context.newPage();
  const viewerWatch = await arm(context, viewer, appOrigin);
  context.on('page', (popup) => watch.navigations.push(`pop-up ${popup.url()}`));
  let served = '';
  await viewer.route(`${EXPORT_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served }));
  const view = async (name: string, html: string) => {
    served = html;
    const url = `${EXPORT_ORIGIN}/${name}`;
    viewerWatch.expected.add(url);
    await viewer.goto(url);
    await viewer.mouse.move(5, 5);
    await viewer.mouse.move(300, 300);
    await viewer.waitForTimeout(300);
  };
  await view('control.html', `<!doctype html><p>control</p>${CORPUS[1]?.text}`);
  expect(viewerWatch.hits, 'the tripwire catches a payload served unfiltered').toEqual(['1']);
  viewerWatch.hits.length = 0;

  await test.step('paste: each payload pasted as HTML into the editor', async () => {
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.press('Enter');
    // The browser's paste, as the editor receives it in Chromium: a beforeinput "insertFromPaste" event carrying the
    // clipboard's HTML. (The system clipboard is no use here: Chromium sanitizes what a page writes to it by parsing
    // it in the page, which itself sets off the tripwire's CSP check, and 500 round trips take a minute.)
    const pasted = await page.evaluate(async (texts) => {
      const editable = document.querySelector('[contenteditable="true"][aria-label="Policy text"]') as HTMLElement;
      let n = 0;
      for (const html of texts) {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'pasted');
        editable.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
        n++;
        // the editor converts each paste once its converter has loaded: let them land in order
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return n;
    }, CORPUS.map((p) => p.text));
    counts.paste = pasted;
    await page.waitForTimeout(1500);
    expect(await foreignMarkup(page, '.policy-editor')).toEqual([]);
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    // The pastes arrived, as text: an entity-encoded payload is now the words of its markup.
    await expect.poll(() => app.readDocument('privacy-policy')).toContain('<img src=x onerror=__tripwire(');
    watch.expected.add(page.url());
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    expect(await foreignMarkup(page, '.policy-editor')).toEqual([]);
  });

  // Project files: a document, clauses, variables and versions whose every text is a payload.
  const projectDoc = await api<{ id: string }>(page, 'createDocument', { title: 'Injection project file' });
  await test.step('project files: document text, links, title, clauses, variables', async () => {
    const variables = Object.fromEntries(CORPUS.map((p) => [`inj_${p.id}`, stripForbiddenCharacters(p.text).slice(0, 2000)]));
    const existing = await api<{ variables: Record<string, string> }>(page, 'getVariables', {});
    await api(page, 'saveVariables', { variables: { ...existing.variables, ...variables } });
    const doc = asDocument(`Injection project file ${stripForbiddenCharacters(CORPUS[0]?.text ?? '')}`, payloadBlocks(CORPUS, true));
    doc.owner = stripForbiddenCharacters(CORPUS[2]?.text ?? '');
    doc.versionLabel = stripForbiddenCharacters(CORPUS[7]?.text ?? '');
    await api(page, 'saveDocument', { documentId: projectDoc.id, document: doc });
    // A link that the one link check refuses keeps the whole document out: the API says why.
    const bad = asDocument('Bad link', [{ kind: 'paragraph', runs: [{ text: 'x', link: 'javascript:__tripwire("link")' }] }]);
    await expect(api(page, 'saveDocument', { documentId: projectDoc.id, document: bad })).rejects.toThrow(/must be an http, https or mailto address/);
    let clauses = 0;
    for (let start = 0; start < CORPUS.length; start += 10) {
      const group = CORPUS.slice(start, start + 10);
      const title = stripForbiddenCharacters(group[0]?.text ?? '').trim().slice(0, 300) || 'x';
      await api(page, 'saveClause', {
        source: 'project',
        isNew: true,
        clause: {
          id: `injection-${start}`,
          title,
          status: 'draft',
          tags: { topic: [title.slice(0, 60).trim() || 'x'], jurisdiction: [] },
          blocks: group.map((p) => ({ kind: 'paragraph', runs: [{ text: stripForbiddenCharacters(p.text).trim() || 'x' }] })),
        },
      });
      clauses += group.length;
    }
    counts['clause text'] = clauses;
    counts['document text'] = CORPUS.length;
    counts['variable values'] = CORPUS.length;
  });

  await test.step('version names', async () => {
    const step = Math.floor(CORPUS.length / VERSION_NAMES);
    for (let i = 0; i < VERSION_NAMES; i++) {
      const p = CORPUS[i * step] as Payload;
      const name = `${stripForbiddenCharacters(p.text).replace(/\s+/g, ' ').trim().slice(0, 110)} #${p.id}`;
      await api(page, 'saveVersion', { documentId: projectDoc.id, name, note: stripForbiddenCharacters(p.text).slice(0, 2000), kind: 'editorial', author: 'Injection Tester' });
    }
    counts['version names'] = VERSION_NAMES;
  });

  const imported: Array<{ id: string; title: string }> = [];
  await test.step('imports: HTML and Markdown one payload a file, DOCX, and each format through the app', async () => {
    for (const format of ['html', 'md'] as const) {
      const { blocks, refused } = await importedBlocks(format);
      const created = await api<{ id: string }>(page, 'createDocument', { title: `Injection ${format} import` });
      await api(page, 'saveDocument', { documentId: created.id, document: asDocument(`Injection ${format} import`, blocks) });
      imported.push({ id: created.id, title: `Injection ${format} import` });
      counts[`${format === 'md' ? 'Markdown' : 'HTML'} import`] = CORPUS.length;
      counts[`${format === 'md' ? 'Markdown' : 'HTML'} files refused`] = refused;
    }
    const docx = await docxOf(CORPUS);
    const fromDocx = await importDocument('payloads.docx', docx);
    const created = await api<{ id: string }>(page, 'createDocument', { title: 'Injection docx import' });
    await api(page, 'saveDocument', { documentId: created.id, document: { ...fromDocx, title: 'Injection docx import' } });
    imported.push({ id: created.id, title: 'Injection docx import' });
    counts['DOCX import'] = CORPUS.length;
    // The same payloads through the app's own import (its worker), all in one file per format; without the control
    // characters, which make a whole file read as binary and refused.
    const clean = CORPUS.map((p) => stripForbiddenCharacters(p.text));
    const files: Array<[string, Uint8Array]> = [
      ['payloads.html', new TextEncoder().encode(`<!doctype html><html><body><h1>Injection app html</h1>${clean.map((text) => `<div>${text}</div>`).join('\n')}</body></html>`)],
      ['payloads.md', new TextEncoder().encode(`# Injection app md\n\n${clean.join('\n\n')}\n`)],
      ['payloads-app.docx', docx],
    ];
    for (const [fileName, bytes] of files) {
      const summary = await api<{ id: string; title: string }>(page, 'importDocument', { fileName, base64: Buffer.from(bytes).toString('base64') });
      imported.push(summary);
    }
    counts['app imports (files of all payloads)'] = files.length;
  });

  await test.step('the editor shows every document, the clauses, variables and version names', async () => {
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    for (const doc of [{ id: projectDoc.id, title: 'Injection project file' }, ...imported]) {
      await page.locator('.document-link', { hasText: doc.title.slice(0, 20) }).first().click();
      await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
      await page.waitForTimeout(1500);
      await page.mouse.move(700, 400);
      await page.mouse.wheel(0, 4000);
      expect(await foreignMarkup(page, '.policy-editor'), doc.title).toEqual([]);
      // The payloads are on the page, as words.
      expect(await page.locator('.policy-editor').textContent(), doc.title).toContain('__tripwire(');
    }
    await page.locator('.document-link', { hasText: 'Injection project file' }).first().click();
    await page.getByRole('tab', { name: 'Clauses' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('tab', { name: 'Variables' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Versions…' }).click();
    const dialog = page.getByRole('dialog', { name: /Versions of/ });
    await expect(dialog.getByRole('row')).toHaveCount(VERSION_NAMES + 1);
    await dialog.getByRole('row').nth(1).getByRole('button', { name: 'Compare with draft' }).click();
    await page.waitForTimeout(1500);
    expect(await foreignMarkup(page, 'main')).toEqual([]);
  });

  await test.step('every HTML export: the page, the body-only fragment and the redline', async () => {
    const versions = await api<Array<{ name: string }>>(page, 'listVersions', { documentId: projectDoc.id });
    const exports: Array<[string, string]> = [];
    for (const doc of [{ id: projectDoc.id }, ...imported]) {
      for (const fragment of [false, true]) {
        const file = await api<{ base64: string }>(page, 'exportDocument', { documentId: doc.id, format: 'html', fragment });
        const html = Buffer.from(file.base64, 'base64').toString('utf8');
        exports.push([`${doc.id}${fragment ? '-fragment' : ''}.html`, fragment ? `<!doctype html><meta charset="utf-8"><title>Website</title><main>${html}</main>` : html]);
      }
    }
    const oldest = versions[versions.length - 1]?.name as string;
    const redline = await api<{ base64: string }>(page, 'exportComparison', {
      old: { kind: 'version', documentId: projectDoc.id, version: oldest },
      new: { kind: 'draft', documentId: imported[0]?.id },
      format: 'html',
    });
    exports.push(['redline.html', Buffer.from(redline.base64, 'base64').toString('utf8')]);
    const versionExport = await api<{ base64: string }>(page, 'exportDocument', { documentId: projectDoc.id, format: 'html', version: oldest });
    exports.push(['version.html', Buffer.from(versionExport.base64, 'base64').toString('utf8')]);
    for (const [name, html] of exports) {
      await view(name, html);
      expect(await foreignMarkup(viewer, 'body'), name).toEqual([]);
      expect(await viewer.locator('body').textContent(), name).toContain('__tripwire(');
    }
    counts['HTML exports loaded'] = exports.length;
  });

  const hits = [...watch.hits, ...viewerWatch.hits];
  const navigations = [...watch.navigations, ...viewerWatch.navigations];
  const requests = [...watch.requestsOut, ...viewerWatch.requestsOut];
  console.log(`injection corpus: ${CORPUS.length} payloads; ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`scripts run: ${hits.length}, navigations: ${navigations.length}, requests out: ${requests.length}`);
  expect(hits, 'payloads that ran').toEqual([]);
  expect(navigations, 'navigations and pop-ups').toEqual([]);
  expect(requests, 'requests leaving the app').toEqual([]);
});
