// Entry of dist/cli.js (`ga-ipv6` in package.json's bin). Exit codes per shared/reference/ga-yaml.md.
import { processIo } from './io';
import { runCli } from './program';

declare const GA_IPV6_VERSION: string | undefined;

const version = typeof GA_IPV6_VERSION === 'string' ? GA_IPV6_VERSION : '0.0.0-dev';

runCli(process.argv.slice(2), processIo(), version).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ga-ipv6: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
