import fs from 'node:fs';

/** The 1, 5 and 15-minute load averages, printed beside every figure (the machine is shared). */
export const loadAverage = (): string => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
