import { describe, expect, it } from 'vitest';
import { NotMine } from './not-mine';
import { MAX_DEPTH, attribute, decodeXml, scanXml } from './xml-scan';

/** The events the scanner gives for a document, text wanted everywhere. */
function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (name, attrs, selfClosing) => out.push(`<${name}${attrs}${selfClosing ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (raw) => out.push(decodeXml(raw)),
    wantsText: () => true,
  });
  return out;
}

describe('the XML scanner', () => {
  it('gives start tags, end tags and text in order; quoted values may hold ">"; comments and the declaration are passed over', () => {
    expect(events('\uFEFF<?xml version="1.0"?><!-- c --><a x="1>2" y=\'q\'><b/>t &amp; &#x2019;&#8212;<c >u</c ></a>')).toEqual([
      '<a x="1>2" y=\'q\'>', '<b/>', '</b>', 't & \u2019\u2014', '<c>', 'u', '</c>', '</a>',
    ]);
  });

  it.each([
    ['an end tag that does not match', '<a><b></a></b>'],
    ['an element left open', '<a><b></b>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['a stray "<"', '<a>1 < 2</a>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>tail'],
    ['a bare "&"', '<a>AT&T</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a reference to no character', '<a>&#0;</a>'],
    ['nesting past the limit', `${'<a>'.repeat(MAX_DEPTH + 1)}${'</a>'.repeat(MAX_DEPTH + 1)}`],
  ])('%s is NotMine', (_what, xml) => {
    expect(() => events(xml)).toThrow(NotMine);
  });

  it('reads one attribute by its full name, decoded', () => {
    expect(attribute(' w:val="a&amp;b" xw:val="no"', 'w:val')).toBe('a&b');
    expect(attribute(' xw:val="no"', 'w:val')).toBeUndefined();
    expect(attribute(" r:id='rId7'", 'r:id')).toBe('rId7');
  });
});
