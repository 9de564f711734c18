// Summarises a Chrome trace (from browser.stopTracing) for `npm run bench -- --trace`: main-thread time of the
// benchmarked page by trace event, as self time (children subtracted), divided by the number of keys measured.

/** The page's renderer main thread: the CrRendererMain that ran the most script and event dispatch. */
function pageMainThread(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  const work = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain' || !e.dur) continue;
    if (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'v8.evaluateModule') work.set(key, (work.get(key) ?? 0) + e.dur);
  }
  return [...work].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Lines of text: the `top` events by self time, in ms per key, with their inclusive time beside. */
export function summariseTrace(buffer, keys, top = 15) {
  const { traceEvents = [] } = JSON.parse(buffer.toString('utf8'));
  const main = pageMainThread(traceEvents);
  if (!main) return ['(no renderer main thread in the trace)'];
  const events = traceEvents
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const inclusive = new Map();
  const stack = [];
  for (const e of events) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    // Inclusive time counts an event once even when it nests inside another of the same name.
    if (!stack.some((s) => s.name === e.name)) inclusive.set(e.name, (inclusive.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const perKey = (us) => (us / 1000 / keys).toFixed(2).padStart(7);
  return [
    `main-thread time per key over ${keys} keys (self / inclusive ms):`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${perKey(us)} ${perKey(inclusive.get(name) ?? us)}  ${name}`),
  ];
}
