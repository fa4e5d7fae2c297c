import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/** Loads something once (and again on `reload` or when `key` changes); a late answer for an old key is dropped. */
export const useLoad = <T>(load: () => Promise<T>, key: string) => {
  const [data, setData] = useState<T | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const { locale } = useI18n();
  useEffect(() => {
    let cancelled = false;
    setError(null);
    load().then(
      (result) => {
        if (cancelled) return;
        setData(result);
        setLoaded(true);
      },
      (caught: Error) => !cancelled && setError(caught.message),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new closure each render; `key` says when it asks for something else. The API words some of
    // what it answers (descriptions, problems, reports) in the reader's language: a language switch asks again.
  }, [key, round, locale]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, loaded, error, reload, setData };
};
