import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Frame {
  url: string;
  lineNumber: number;
  columnNumber: number;
  functionName: string;
}

/**
 * A V8 CPU profile of this thread, taken through the inspector (so tsx's loader thread stays out of
 * it). On stop the frames of TypeScript files are mapped back through tsx's source maps to their .ts
 * line and column, then the profile is written as a normal .cpuprofile (opens in Chrome DevTools).
 */
export async function startCpuProfile(intervalUs = 500) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return {
    async stopAndWrite(file: string) {
      const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: { callFrame: Frame }[] } };
      session.disconnect();
      for (const n of profile.nodes) remap(n.callFrame);
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}

function remap(f: Frame) {
  if (!f.url.startsWith('file://') || f.url.includes('/node_modules/') || !/\.tsx?$/.test(f.url)) return;
  try {
    const map = findSourceMap(fileURLToPath(f.url));
    const e = map?.findEntry(f.lineNumber, f.columnNumber) as { originalLine?: number; originalColumn?: number } | undefined;
    if (e && typeof e.originalLine === 'number') {
      f.lineNumber = e.originalLine;
      f.columnNumber = e.originalColumn ?? 0;
    }
  } catch {
    /* keep the generated position */
  }
}
