// `npm run package`: production bundles and dist-vsix/<name>-<version>.vsix (see scripts/lib/packaging.mjs and
// docs/RELEASING.md). Prints the package's path and size last; exit code 1 when packaging failed.
import { relative } from 'node:path';
import { formatBytes, packageExtension } from './lib/packaging.mjs';
import { projectRoot } from './lib/project.mjs';

try {
  const { path, bytes } = packageExtension();
  console.log(`\npackage: ${relative(projectRoot, path)} (${formatBytes(bytes)}, ${bytes} bytes)`);
  console.log(`install it with: code --install-extension ${relative(projectRoot, path)}`);
} catch (error) {
  console.error(`\nnpm run package: ${error.message}`);
  process.exit(1);
}
