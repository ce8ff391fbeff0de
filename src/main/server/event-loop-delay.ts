// How long the serve process's event loop was held up, for `npm run bench` (STYLE.md
// item 8: measure event-loop delay during sync). Enabled by SM8SYNC_MEASURE_EVENT_LOOP=1;
// serve prints the figures as one JSON line on stderr when it stops.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const MEASURE_EVENT_LOOP_ENV = 'SM8SYNC_MEASURE_EVENT_LOOP';
const RESOLUTION_MS = 10;

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  resolutionMs: number;
}

export interface EventLoopProbe {
  stop(): EventLoopDelay;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function startEventLoopProbe(): EventLoopProbe {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The histogram records the time between two ticks of its own timer, so an idle loop
  // reads as the resolution itself: what is left over is the delay.
  const delay = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
  return {
    stop() {
      histogram.disable();
      return {
        p50Ms: delay(histogram.percentile(50)),
        p99Ms: delay(histogram.percentile(99)),
        maxMs: delay(histogram.max),
        samples: histogram.count,
        resolutionMs: RESOLUTION_MS,
      };
    },
  };
}
