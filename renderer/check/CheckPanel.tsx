import { useEffect, useState } from 'react';
import { checkDocument } from '../../shared/check/check-document';
import type { Finding } from '../../shared/check/finding';
import type { FeatureHost } from '../editor/editor-feature';

/** After the last change, how long the checker waits before it reads the document again. */
const QUIET_MS = 1000;

type Result = { findings: Finding[]; ms: number } | null;

export function CheckPanel({ host }: { host: FeatureHost }) {
  const [result, setResult] = useState<Result>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const run = () => {
      const read = host.tools.document;
      if (!read) return;
      const started = performance.now();
      const findings = checkDocument(read());
      setResult({ findings, ms: performance.now() - started });
    };
    // In an idle moment, so a check never delays a key or a frame.
    const schedule = (delay: number) => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      timer = setTimeout(() => {
        idle = requestIdleCallback(run, { timeout: 2000 });
      }, delay);
    };
    schedule(0);
    // Per key this only restarts a timer.
    const unregister = host.register({ changed: () => schedule(QUIET_MS), blocksChanged: () => schedule(QUIET_MS) });
    return () => {
      unregister();
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [host]);

  if (!result) return <aside className="check-panel" aria-label="Check" aria-busy="true"><p className="muted">Checking…</p></aside>;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  return (
    <aside className="check-panel" aria-label="Check">
      <h2 className="panel-title">Check</h2>
      <p className="check-summary" role="status">
        {result.findings.length === 0 ? 'Nothing found.' : [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')}
      </p>
      <ul className="check-findings">
        {result.findings.map((finding, i) => (
          <li key={`${finding.rule}-${finding.sectionId ?? ''}-${finding.excerpt}-${i}`} className={`check-finding ${finding.severity}`}>
            <button
              type="button"
              disabled={!finding.sectionId}
              onClick={() => finding.sectionId && host.tools.jumpToSection?.(finding.sectionId)}
            >
              <span className="visually-hidden">{finding.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
              <span className="check-where">{finding.sectionNumber ?? '—'}</span>
              <span className="check-message">{finding.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
