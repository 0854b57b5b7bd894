// A throwaway home directory per test file, so no test reads the real ~/.aliyun or ~/.alibabacloud.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempHome {
  dir: string;
  /** Writes a file relative to the home directory (creating folders) and returns its absolute path. */
  write(relativePath: string, text: string): string;
  remove(relativePath: string): void;
  cleanup(): void;
}

export function makeTempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'ga-ipv6-profiles-'));
  return {
    dir,
    write(relativePath, text) {
      const file = join(dir, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove(relativePath) {
      rmSync(join(dir, relativePath), { force: true, recursive: true });
    },
    cleanup() {
      rmSync(dir, { force: true, recursive: true });
    },
  };
}

/** Every text that must never carry a secret: the profile as JSON and as a string, and the problem messages. */
export function visibleText(list: { profiles: readonly object[]; problems: readonly object[] }): string {
  return JSON.stringify(list.profiles) + list.profiles.map(String).join('\n') + JSON.stringify(list.problems);
}
