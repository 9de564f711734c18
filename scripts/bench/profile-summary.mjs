// Summarises a V8 CPU profile (CDP Profiler.stop) for `npm run bench -- --profile`: self time by function, heaviest
// first, and the share of the profile each bundle or library had. Names are as the build left them: run
// `POLICYWRIGHT_BUILD_NO_MINIFY=1 npm run bench -- --profile` to read the app's own function names.

/** Lines of text: the `top` functions by self time, in ms (divided by `per` when given, e.g. per key). */
export function summariseProfile(profile, { top = 20, per = 1, unit = 'ms' } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one: the time spent where that sample found the thread.
    const us = deltas[i + 1] ?? 0;
    const node = byId.get(samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\//, '').replace(/\?.*$/, '')}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + us);
    if (functionName !== '(idle)') total += us;
  }
  const ms = (us) => (us / 1000 / per).toFixed(2).padStart(8);
  return [
    `${ms(total)} ${unit} busy in all (idle left out); self time by function:`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${ms(us)}  ${name}`),
  ];
}
