import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from './api';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; failure: ApiFailure };

/** Loads once per `key`; a result that arrives after the key changed is dropped, so an old answer never shows. */
export function useLoaded<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) =>
        current &&
        setState({
          status: 'failed',
          failure: error instanceof ApiFailure ? error : new ApiFailure(0, 'UNKNOWN', '页面出了点问题，请刷新后再试。'),
        }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return [state, () => setRound((value) => value + 1)];
}
