import { useEffect, useState } from 'preact/hooks';
import { io } from 'socket.io-client';

export interface LiveTally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

/**
 * The live tallies on socket.io's `/polls` namespace (the same the column shows): the server sends a poll's
 * tally after every accepted vote. Keyed by poll id; `connected` says whether the numbers are live.
 */
export function useLiveTallies(): { tallies: Map<string, LiveTally>; connected: boolean } {
  const [tallies, setTallies] = useState<Map<string, LiveTally>>(new Map());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const socket = io('/polls', { withCredentials: true });
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    socket.on('tally', (tally: LiveTally) => setTallies((previous) => new Map(previous).set(tally.pollId, tally)));
    return () => {
      socket.disconnect();
    };
  }, []);
  return { tallies, connected };
}
