// Puts ip sets' IPv6 addresses on the loopback device (`ip -6 addr add <a>/128 dev lo nodad`, root only) and
// takes them off again. Several emulators (parallel test files) may serve the same emulated address, so each
// use is recorded as a holder file under the temp directory and the address is removed only by the last
// live holder, and only if an emulator added it (an address someone else put there stays).
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADDED_MARKER = 'added-by-emulator';
const LOCK_WAIT_MS = 3000;
const STALE_LOCK_MS = 10_000;

export class LoopbackUnavailableError extends Error {}

export interface LoopbackAddresses {
  /** Makes the address bindable on this host; throws LoopbackUnavailableError saying why when it cannot. */
  acquire(address: string): Promise<'added' | 'present'>;
  release(address: string): Promise<void>;
  /** Releases everything still held, synchronously (process exit). */
  releaseAllSync(): void;
}

export function loopbackAddresses(root = join(tmpdir(), 'ga-emulator-loopback')): LoopbackAddresses {
  const holderName = `${process.pid}.${randomUUID()}`;
  const held = new Set<string>();
  const dirOf = (address: string) => join(root, address.replace(/[^0-9a-fA-F]/g, '_'));

  const acquire = async (address: string): Promise<'added' | 'present'> => {
    if (process.getuid?.() !== 0) throw new LoopbackUnavailableError('adding addresses to the loopback device needs root');
    const dir = dirOf(address);
    return withLock(dir, async () => {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, holderName), '');
      const outcome = await ip(['-6', 'addr', 'add', `${address}/128`, 'dev', 'lo', 'nodad']).catch(async (e: Error) => {
        await rm(join(dir, holderName), { force: true });
        throw e;
      });
      if (outcome === 'done') await writeFile(join(dir, ADDED_MARKER), '');
      held.add(address);
      return outcome === 'done' ? 'added' : 'present';
    });
  };

  const release = async (address: string): Promise<void> => {
    if (!held.delete(address)) return;
    const dir = dirOf(address);
    await withLock(dir, async () => {
      await rm(join(dir, holderName), { force: true });
      if (liveHolders(readdirSafe(dir)).length > 0) return;
      if (existsSync(join(dir, ADDED_MARKER))) await ip(['-6', 'addr', 'del', `${address}/128`, 'dev', 'lo']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    });
  };

  const releaseAllSync = () => {
    for (const address of held) {
      const dir = dirOf(address);
      rmSync(join(dir, holderName), { force: true });
      if (liveHolders(readdirSafe(dir)).length === 0 && existsSync(join(dir, ADDED_MARKER))) {
        try {
          execFileSync('ip', ['-6', 'addr', 'del', `${address}/128`, 'dev', 'lo'], { stdio: 'ignore' });
        } catch {
          // Best effort at exit; the next start finds the marker and cleans up.
        }
        rmSync(join(dir, ADDED_MARKER), { force: true });
      }
    }
    held.clear();
  };

  return { acquire, release, releaseAllSync };
}

/** `done`, or `exists` when the address is already there; rejects with a reason a person can act on. */
function ip(args: string[]): Promise<'done' | 'exists'> {
  return new Promise((resolve, reject) => {
    execFile('ip', args, { timeout: 5000 }, (error, _stdout, stderr) => {
      if (!error) return resolve('done');
      const text = String(stderr).trim();
      if (/File exists/i.test(text)) return resolve('exists');
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new LoopbackUnavailableError('the `ip` command (iproute2) is not installed'));
      }
      if (/not permitted|permission denied/i.test(text)) {
        return reject(new LoopbackUnavailableError('adding addresses to the loopback device needs root'));
      }
      reject(new LoopbackUnavailableError(`\`ip ${args.join(' ')}\` failed: ${text || error.message}`));
    });
  });
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Holder files of processes that still run; files of dead processes (a crash) do not count. */
function liveHolders(names: string[]): string[] {
  return names.filter((n) => {
    const pid = Number(n.split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  });
}

/** mkdir is atomic: the directory `<dir>.lock` is the lock. A lock left by a crash is broken after a while. */
async function withLock<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  await mkdir(join(lock, '..'), { recursive: true }).catch((e: Error) => {
    throw new LoopbackUnavailableError(`cannot record the address in ${join(lock, '..')}: ${e.message}`);
  });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new LoopbackUnavailableError(`another emulator holds ${lock}; remove it if no emulator runs`);
      else await new Promise((r) => setTimeout(r, 10));
    }
  }
  try {
    return await body();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
