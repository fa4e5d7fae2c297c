import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/** How long the draft must stay unchanged before it is saved: one save per pause, not per keystroke or drag frame. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft a moment after each change, one save at a time, and says whether what is on screen is saved.
 * A failed save is retried on the next change or by `saveNow`.
 */
export const useAutosave = (
  json: string,
  initialJson: string,
  persist: (json: string) => Promise<void>,
): { saveState: SaveState; error: string | null; saveNow(): Promise<boolean> } => {
  const [savedJson, setSavedJson] = useState(initialJson);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(json);
  latest.current = json;
  const inFlight = useRef<Promise<boolean> | null>(null);
  // The draft a save was refused for: not sent again by itself until it changes.
  const [failedJson, setFailedJson] = useState<string | null>(null);

  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const sending = latest.current;
    const attempt = (async () => {
      setSaving(true);
      try {
        await persist(sending);
        setSavedJson(sending);
        setError(null);
        setFailedJson(null);
        return true;
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        setFailedJson(sending);
        return false;
      } finally {
        setSaving(false);
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [persist]);

  useEffect(() => {
    if (json === savedJson || json === failedJson || saving) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [json, savedJson, failedJson, saving, saveNow]);

  // Leaving the editor (another screen, the browser's back button) sends what was not saved yet.
  const savedRef = useRef(savedJson);
  savedRef.current = savedJson;
  useEffect(
    () => () => {
      if (latest.current !== savedRef.current && !inFlight.current) void persist(latest.current).catch(() => undefined);
    },
    [persist],
  );

  const saveState: SaveState = saving ? 'saving' : json === savedJson ? 'saved' : error ? 'failed' : 'unsaved';

  useEffect(() => {
    if (saveState === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState]);

  return { saveState, error, saveNow };
};
