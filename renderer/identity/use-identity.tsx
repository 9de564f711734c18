import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../shared/api/client';
import type { Identity } from '../../shared/model/identity';
import { IdentityDialog } from './IdentityDialog';

/** Who the person is, for whatever puts their name on something (comments, suggestions, versions). */
export interface IdentityTools {
  /** Their name now: the one they gave, else the system's. Never waits: the suggesting mode calls it as they type. */
  reviewer(): string;
  current(): Identity | null;
  /** Their identity, asking first if they never gave it; null when they closed the dialog without giving it. */
  ensure(): Promise<Identity | null>;
  /** Opens the dialog to change it ("Your name…"). */
  change(): void;
}

/**
 * The app's side of "who am I": what start-up said, the dialog that asks (once on first use, or with "Your name…"),
 * and the API call that keeps the answer in the app's settings.
 */
export function useIdentity(client: ApiClient, fallbackName: string, fromStartup: Identity | null | undefined) {
  const [identity, setIdentity] = useState<Identity | null>(null);
  const known = useRef<Identity | null>(null);
  const [asking, setAsking] = useState<{ firstUse: boolean } | null>(null);
  const waiting = useRef<Array<(identity: Identity | null) => void>>([]);
  const fallback = useRef(fallbackName);
  useLayoutEffect(() => {
    fallback.current = fallbackName;
    // Start-up arrives after the first render: what it said counts until the person says otherwise.
    if (fromStartup && !known.current) {
      known.current = fromStartup;
      setIdentity(fromStartup);
    }
  }, [fallbackName, fromStartup]);

  const settle = useCallback((result: Identity | null) => {
    const waiters = waiting.current;
    waiting.current = [];
    for (const resolve of waiters) resolve(result);
  }, []);

  const tools = useMemo<IdentityTools>(
    () => ({
      reviewer: () => {
        if (known.current) return known.current.name;
        // The suggesting mode asks without waiting: the dialog opens once, the system's name stands until answered.
        if (waiting.current.length === 0) {
          waiting.current.push(() => undefined);
          setAsking({ firstUse: true });
        }
        return fallback.current;
      },
      current: () => known.current,
      change: () => setAsking({ firstUse: false }),
      ensure: () => {
        if (known.current) return Promise.resolve(known.current);
        return new Promise<Identity | null>((resolve) => {
          waiting.current.push(resolve);
          setAsking({ firstUse: true });
        });
      },
    }),
    [],
  );

  const change = useCallback(() => setAsking({ firstUse: false }), []);
  /** A name the person gave elsewhere (a version's author) becomes theirs, when they had not given one yet. */
  const adopt = useCallback(
    (name: string) => {
      if (known.current || !name.trim()) return;
      client.setIdentity({ identity: { name: name.trim() } }).then(
        (kept) => {
          known.current ??= kept;
          setIdentity(known.current);
        },
        // Not kept: the name will be asked on the first comment instead.
        () => undefined,
      );
    },
    [client],
  );

  const dialog: ReactNode = asking ? (
    <IdentityDialog
      initial={identity}
      suggestedName={fallbackName}
      firstUse={asking.firstUse}
      onSave={async (next) => {
        try {
          const kept = await client.setIdentity({ identity: next });
          known.current = kept;
          setIdentity(kept);
          setAsking(null);
          settle(kept);
          return null;
        } catch (e) {
          return e instanceof Error ? e.message : String(e);
        }
      }}
      onClose={() => {
        setAsking(null);
        settle(null);
      }}
    />
  ) : null;

  return { tools, identity, change, adopt, dialog };
}
