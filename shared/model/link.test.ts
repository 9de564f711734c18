import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { safeLink } from './link';

/** Addresses that pass, with the form every consumer stores, writes and opens. */
const ACCEPTED: ReadonlyArray<readonly [string, string]> = [
  ['https://example.com', 'https://example.com/'],
  ['http://example.com', 'http://example.com/'],
  ['https://example.com/path?q=1#frag', 'https://example.com/path?q=1#frag'],
  ['HTTPS://EXAMPLE.COM/A', 'https://example.com/A'],
  ['HTTP://EXAMPLE.COM', 'http://example.com/'],
  ['  https://example.com  ', 'https://example.com/'],
  ['https://x', 'https://x/'],
  ['https://example.com:8443/a', 'https://example.com:8443/a'],
  ['https://example.com:443/a', 'https://example.com/a'],
  ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
  ['http://[::1]/', 'http://[::1]/'],
  ['http://0x7f.1/', 'http://127.0.0.1/'],
  ['https://example.com/a b', 'https://example.com/a%20b'],
  ['https://example.com/ünïcode?q=ü', 'https://example.com/%C3%BCn%C3%AFcode?q=%C3%BC'],
  ['https://example.com/a/../b', 'https://example.com/b'],
  ['https://example.com\\path', 'https://example.com/path'],
  ['https:example.com', 'https://example.com/'],
  ['https:/example.com', 'https://example.com/'],
  ['https://sub_domain.example.com/', 'https://sub_domain.example.com/'],
  ['https://example.com./', 'https://example.com./'],
  ['https://exa%41mple.com/', 'https://exaample.com/'],
  // what the parser reads: a backslash ends the host, so this goes to evil.example, and says so
  ['https://evil.example\\@example.com/', 'https://evil.example/@example.com/'],
  ['https://münchen.de/', 'https://xn--mnchen-3ya.de/'],
  ['https://日本.jp/', 'https://xn--wgv71a.jp/'],
  ['https://россия.рф/', 'https://xn--h1alffa9f.xn--p1ai/'],
  ['https://مثال.إختبار/', 'https://xn--mgbh0fb.xn--kgbechtv/'],
  ['https://מבחן.com/', 'https://xn--5dbmtg.com/'],
  ['https://xn--mnchen-3ya.de/', 'https://xn--mnchen-3ya.de/'],
  ['https://ＥＸＡＭＰＬＥ.com/', 'https://example.com/'],
  ['https://faß.de/', 'https://xn--fa-hia.de/'],
  ['https://example.com/#top', 'https://example.com/#top'],
  ['https://example.com/?a=1&b=2', 'https://example.com/?a=1&b=2'],
  ['https://example.com/%zz', 'https://example.com/%zz'],
  ['https://example.com/a^b|c?d^e|f', 'https://example.com/a%5Eb%7Cc?d^e|f'],
  ['https://example.com/javascript:alert(1)', 'https://example.com/javascript:alert(1)'],
  ['mailto:privacy@example.com', 'mailto:privacy@example.com'],
  ['MAILTO:privacy@example.com', 'mailto:privacy@example.com'],
  ['mailto:a@b', 'mailto:a@b'],
  ['mailto:a@example.com,b@example.com', 'mailto:a@example.com,b@example.com'],
  ['mailto:legal@example.com?subject=Data%20request', 'mailto:legal@example.com?subject=Data%20request'],
  ['mailto:a@b?subject=Hi&body=Line%0D%0ATwo', 'mailto:a@b?subject=Hi&body=Line%0D%0ATwo'],
  ['mailto:a@b?cc=c@d&bcc=e@f', 'mailto:a@b?cc=c%40d&bcc=e%40f'],
  ['mailto:a@b?SUBJECT=x', 'mailto:a@b?subject=x'],
  ['mailto:a@b?Body=x', 'mailto:a@b?body=x'],
  ['mailto:a@b?subject=a+b', 'mailto:a@b?subject=a%2Bb'],
  ['mailto:a@b?subject=x;y', 'mailto:a@b?subject=x%3By'],
  ['mailto:a@b?subject=', 'mailto:a@b?subject='],
  ['mailto:a@b?subject=Q%26A', 'mailto:a@b?subject=Q%26A'],
  ['mailto:a@b#ignored', 'mailto:a@b'],
  ['mailto:ü@example.com', 'mailto:%C3%BC@example.com'],
  ['mailto:a b@example.com', 'mailto:a%20b@example.com'],
];

/** Addresses that never pass. */
const REFUSED: readonly unknown[] = [
  // mailto parameters a mail client may act on
  'mailto:a@b?attach=/etc/passwd',
  'mailto:a@b?body=x&attach=y',
  'MAILTO:a@b?ATTACH=x',
  'mailto:a@b?attachment=/etc/passwd',
  'mailto:a@b?file=/etc/passwd',
  'mailto:a@b?Attach=%2Fetc%2Fpasswd',
  'mailto:a@b?%61ttach=/etc/passwd',
  'mailto:a@b?b%6Fdy=x',
  'mailto:a@b?body=x&body=y',
  'mailto:a@b?body=x&BODY=y',
  'mailto:a@b?subject=x&Subject=y',
  'mailto:a@b?to=c@d',
  'mailto:a@b?from=c@d',
  'mailto:a@b?in-reply-to=x',
  'mailto:a@b?x-attach=y',
  'mailto:a@b?body',
  'mailto:a@b?=x',
  'mailto:a@b?&subject=x',
  'mailto:a@b?subject=x&',
  'mailto:a@b?body=x%26attach%3D%2Fetc%2Fpasswd',
  'mailto:a@b?body=x%3Battach%3Dy',
  'mailto:a@b?body=x&amp;attach=y',
  'mailto:a@b?subject=%zz',
  'mailto:a@b?subject=Hi%0ABcc:evil@example.com',
  'mailto:a@b?cc=c@d%0D%0Abcc:e@f',
  'mailto:a@b?body=%00',
  'mailto:a@b%0Abcc@evil.example',
  'mailto:a@b%3Fattach%3Dx',
  'mailto:',
  'mailto:?subject=x',
  'mailto:%zz',
  // schemes that run code or open local things
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'java script:alert(1)',
  'java\u00A0script:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  '&#106;avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript://example.com/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,x',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share',
  'FILE:///C:/Windows/System32/calc.exe',
  'ftp://example.com',
  'tel:+441234',
  'sms:+441234',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'app://policywright/index.html',
  'about:blank',
  'blob:https://example.com/uuid',
  'chrome://settings',
  'view-source:https://example.com',
  'jar:https://example.com/x.jar!/',
  'ws://example.com',
  'intent://scan/#Intent;scheme=zxing;end',
  // not addresses, or relative ones
  '//example.com',
  '/relative/path',
  'relative/path',
  'example.com',
  '#fragment',
  '?query',
  '',
  '   ',
  'https://',
  'https:///',
  'http://',
  'not a url',
  // credentials
  'http://user:pw@x',
  'http://user@example.com',
  'https://user:pass@example.com/',
  'https://@example.com/',
  'https://:@example.com/',
  'https://example.com@evil.example/',
  // hosts the parser refuses, or reads differently from Chromium
  'https://exa mple.com',
  'https://exa\u3000mple.com',
  'http://a b',
  'http://*.com',
  'http://a*b.com',
  'http://⑴.com',
  'http://١.com',
  'http://a١.com',
  'http://١مثال.com',
  'http://1מבחן.com',
  'http://ab.١',
  'http://%D9%A1.com',
  'http://xn--a.com',
  'http://1.2.3.4.5',
  'http://[1::2::3]',
  'http://example.com:65536',
  'http://example.com:8O',
  'http://a<b.com',
  'http://a%00b.com',
  'https://%00.com',
  // control and invisible characters anywhere
  'https://example.com/\u0001',
  'https://example.com/\t',
  'https://example.com/a\nb',
  'https://example.com/\u007F',
  'https://example.com/\u0085',
  'mailto:a@example.com\u0000',
  'https://example.com/\u202Egnp.exe',
  'https://exa\u200Bmple.com/',
  'https://example.com/\uFEFF',
  'https://example.com/\u2066x',
  // too long
  'https://example.com/' + 'a'.repeat(2048),
  'mailto:a@b?body=' + '%20'.repeat(700),
  // not a string
  undefined,
  null,
  42,
  {},
  ['https://example.com'],
];

describe('safeLink', () => {
  it(`is held to a table of ${ACCEPTED.length + REFUSED.length} addresses`, () => {
    expect(ACCEPTED.length + REFUSED.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ACCEPTED)('accepts %j as %j', (raw, normalized) => expect(safeLink(raw)).toBe(normalized));

  it.each(REFUSED.map((raw) => [raw]))('refuses %j', (raw) => expect(safeLink(raw)).toBeNull());

  it('gives the same answers once the engine has optimized it (Node 20 URL.canParse did not)', () => {
    const generated = generatedAddresses();
    const first = generated.map((raw) => safeLink(raw));
    for (let round = 0; round < 3; round++) expect(generated.map((raw) => safeLink(raw))).toEqual(first);
    for (const [raw, normalized] of ACCEPTED) expect(safeLink(raw), raw).toBe(normalized);
  });

  it('returns an address that it accepts again unchanged', () => {
    for (const [raw] of ACCEPTED) {
      const once = safeLink(raw);
      expect(safeLink(once), raw).toBe(once);
    }
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))("safeLink agrees with Chromium's URL parser (needs /usr/bin/chromium)", () => {
  it('every address it accepts, Chromium parses as typed and reads its normalized form back unchanged', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const strings = [...ACCEPTED.map(([raw]) => raw), ...REFUSED.filter((raw): raw is string => typeof raw === 'string')];
      const parsed = await page.evaluate((list) => list.map((raw) => (URL.canParse(raw.trim()) ? new URL(raw.trim()).href : null)), strings);
      const normalized = strings.map((raw) => safeLink(raw));
      const reparsed = await page.evaluate((list) => list.map((href) => (href === null ? null : URL.canParse(href) ? new URL(href).href : 'unparsable')), normalized);
      let accepted = 0;
      strings.forEach((raw, i) => {
        const href = normalized[i];
        if (href === null || href === undefined) return;
        accepted++;
        expect(parsed[i], `Chromium cannot parse ${JSON.stringify(raw)}`).not.toBeNull();
        expect(reparsed[i], `Chromium reads ${href} differently`).toBe(href);
      });
      expect(accepted).toBe(ACCEPTED.length);

      // Generated hosts, where the parsers differ most: every one safeLink accepts, Chromium reads as Node does.
      const generated = generatedAddresses();
      const ours = generated.map((raw) => safeLink(raw));
      const [rawReads, ourReads] = await page.evaluate(
        ([raws, hrefs]) => [raws, hrefs].map((list) => list.map((u) => (u !== null && URL.canParse(u) ? new URL(u).href : null))),
        [generated, ours] as const,
      );
      let agreed = 0;
      generated.forEach((raw, i) => {
        const href = ours[i];
        if (href === null || href === undefined) return;
        agreed++;
        expect(rawReads?.[i], `Chromium cannot parse ${JSON.stringify(raw)}`).not.toBeNull();
        // the same place: a host is where parsers have disagreed
        expect(new URL(rawReads?.[i] as string).host, `Chromium reads the host of ${JSON.stringify(raw)} otherwise`).toBe(new URL(href).host);
        expect(ourReads?.[i], `Chromium reads ${href} (from ${JSON.stringify(raw)}) otherwise`).toBe(href);
      });
      console.log(`safeLink and Chromium: ${generated.length} generated addresses, ${agreed} accepted and read alike, the rest refused`);
      expect(agreed).toBeGreaterThan(50);
    } finally {
      await browser.close();
    }
  });
});

/** Hosts of pieces from the characters where URL parsers have disagreed (digits, scripts, punctuation), and paths. */
function generatedAddresses(): string[] {
  // and paths and queries with every printable ASCII character
  const paths: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    paths.push(`https://x.example/a${ch}b`, `https://x.example/?a${ch}b`, `https://x.example/#a${ch}b`, `mailto:a${ch}b@x.example`);
  }
  const pieces = ['a', 'b1', '1', '-', '_', '١', '۱', 'ا', 'א', 'ß', 'ü', '*', '(1)', '!', '$', '+', ',', ';', '=', '~', '%41', '%D9%A1', 'ⓐ', '。', '\u00AD', '\u200D', 'xn--a', 'xn--9hb', '日本', 'Ⅻ', '½', '\u0300', '\u3002', '．', 'ＡＢ', '[::1]', '0x7f', '%2e'];
  const out: string[] = [...paths];
  for (const a of pieces) {
    out.push(`https://${a}.example/`);
    for (const b of pieces) {
      out.push(`https://${a}${b}.example/`, `http://${a}.${b}/`);
    }
  }
  return out;
}

