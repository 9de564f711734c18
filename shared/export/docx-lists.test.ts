import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIST_DEPTHS } from '../numbering/list-labels';
import { h, li, p, policy } from '../testing/builders';
import { exportDocx } from './docx';

/**
 * The lists of the DOCX export as the numbering part has them: every numbered list that restarts at 1 is a w:num of its
 * own, on the numbered lists' definition, its levels starting again at 1; bullets and headings each one list. What a
 * Word reader makes of them is docx.oracle.test.ts's part (python-docx) and docx-libreoffice.oracle.test.ts's.
 */
async function parts(blocks: Parameters<typeof policy>[0]): Promise<{ body: string; numbering: string }> {
  const files = unzipSync(await exportDocx(policy(blocks)));
  const read = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  return { body: read('word/document.xml'), numbering: read('word/numbering.xml') };
}

/** numId → its definition (abstractNumId) and the levels it restarts, as written in the numbering part. */
function listsOf(numbering: string): Map<number, { definition: number; restarts: string[] }> {
  const lists = new Map<number, { definition: number; restarts: string[] }>();
  for (const [, numId, inner = ''] of numbering.matchAll(/<w:num w:numId="(\d+)">(.*?)<\/w:num>/g)) {
    const definition = Number(/<w:abstractNumId w:val="(\d+)"\/>/.exec(inner)?.[1]);
    const restarts = [...inner.matchAll(/<w:lvlOverride w:ilvl="(\d+)"><w:startOverride w:val="1"\/><\/w:lvlOverride>/g)].map((m) => m[1] ?? '');
    expect(lists.has(Number(numId)), `w:num ${numId} written twice`).toBe(false);
    lists.set(Number(numId), { definition, restarts });
  }
  return lists;
}

/** The numId of each paragraph holding `text`, in order. */
const numIdsOf = (body: string, text: string): number[] =>
  [...body.matchAll(/<w:p>(.*?)<\/w:p>/g)].filter((m) => (m[1] ?? '').includes(`>${text}`)).map((m) => Number(/<w:numId w:val="(\d+)"\/>/.exec(m[1] ?? '')?.[1]));

describe('exportDocx lists', () => {
  it('gives each numbered list restarting at 1 a list of its own on one definition, every level restarting', async () => {
    const blocks = [h(1, 's-aaaaaa01', 'One'), p('Intro.'), ...[1, 2, 3].flatMap((n) => [li(`first of ${n}`, 'number'), li(`second of ${n}`, 'number'), p(`After ${n}.`)])];
    const { body, numbering } = await parts(blocks);
    const lists = listsOf(numbering);
    const firsts = [1, 2, 3].map((n) => numIdsOf(body, `first of ${n}`)[0] as number);
    expect(new Set(firsts).size).toBe(3);
    for (const [n, numId] of firsts.entries()) expect(numIdsOf(body, `second of ${n + 1}`)).toEqual([numId]);
    const definitions = new Set(firsts.map((numId) => lists.get(numId)?.definition));
    expect(definitions.size).toBe(1);
    expect([...definitions][0]).not.toBe(lists.get(numIdsOf(body, 'One')[0] as number)?.definition);
    const everyLevel = Array.from({ length: LIST_DEPTHS }, (_, level) => String(level));
    for (const numId of firsts) expect(lists.get(numId)?.restarts).toEqual(everyLevel);
  });

  it('refers only to lists the numbering part has, bullets all in one', async () => {
    const { body, numbering } = await parts([li('dot one'), li('dot two', 'bullet', 1), p('Between.'), li('dot three'), li('numbered', 'number')]);
    const lists = listsOf(numbering);
    for (const [, numId] of body.matchAll(/<w:numId w:val="(\d+)"\/>/g)) expect(lists.has(Number(numId))).toBe(true);
    const bullets = ['dot one', 'dot two', 'dot three'].flatMap((text) => numIdsOf(body, text));
    expect(new Set(bullets).size).toBe(1);
    expect(numIdsOf(body, 'numbered')[0]).not.toBe(bullets[0]);
  });
});
