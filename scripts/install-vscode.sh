#!/usr/bin/env bash
# Installs what running the extension in a real VS Code needs on this machine:
#   - Debian packages libkrb5-dev, pkg-config, ripgrep, chromium, curl (only those missing; curl for the seed's check)
#   - code-server (= VS Code 1.100.3 with its genuine extension host) from the npm registry
#
# Why code-server and not @vscode/test-electron: these machines reach only the npm registry and
# Debian's mirrors, and test-electron downloads VS Code from Microsoft at test time.
#
# code-server goes into a per-machine cache OUTSIDE the clone, keyed by its version and Node's ABI
# (its native modules are built for the Node that runs it), so every clone on the machine shares it.
# A marker file is written only after every step succeeded; a half-finished install is wiped and
# redone on the next run. Warm runs take well under a second.
#
# The project's own dependencies (`npm ci`) are NOT installed here: that is the caller's job
# (.ci/run, scripts/sandbox.mjs), because this script is about the machine, not the clone.
#
# Usage:
#   scripts/install-vscode.sh               install if needed; prints the code-server folder last
#   scripts/install-vscode.sh --print-dir   only print the code-server folder (the launchers use this)
# Environment: GA_IPV6_CACHE overrides the cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/ga-ipv6).
set -Eeuo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly DEBIAN_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium curl)

node_abi="$(node -p 'process.versions.modules')"
cache_root="${GA_IPV6_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ga-ipv6}"
install_dir="$cache_root/code-server-$CODE_SERVER_VERSION-node-abi$node_abi"
marker="$install_dir/.install-complete"

if [[ "${1:-}" == "--print-dir" ]]; then
  echo "$install_dir"
  exit 0
fi

step="starting"
say() { echo "[install-vscode] $*"; }
on_error() {
  local status=$?
  echo "[install-vscode] FAILED during: $step (exit $status)." >&2
  echo "[install-vscode] Fix the cause above and run scripts/install-vscode.sh again (it starts the code-server part over)." >&2
  exit "$status"
}
trap on_error ERR

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else
    echo "[install-vscode] need root to run: $* (no sudo here). Run this script as root once." >&2
    return 1
  fi
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

step="checking Node.js"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "[install-vscode] Node.js $(node -v) is too old: code-server $CODE_SERVER_VERSION needs Node 20." >&2
  exit 1
fi

step="installing Debian packages"
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do is_installed "$pkg" || missing+=("$pkg"); done
if (( ${#missing[@]} > 0 )); then
  if ! command -v apt-get >/dev/null; then
    echo "[install-vscode] missing ${missing[*]}, and this is not a Debian/Ubuntu machine (no apt-get): install" \
      "Kerberos headers, pkg-config, ripgrep (as /usr/bin/rg) and Chromium (as /usr/bin/chromium, or set GA_CHROMIUM_PATH) yourself." >&2
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  step="apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  step="apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${DEBIAN_PACKAGES[*]}"
fi

mkdir -p "$cache_root"
# Two runs at once (two clones, a CI retry) must not build into the same folder.
exec 9>"$cache_root/.install.lock"
step="waiting for another install to finish (lock $cache_root/.install.lock)"
flock 9

if [[ -f "$marker" ]]; then
  say "code-server $CODE_SERVER_VERSION already installed in $install_dir"
  echo "$install_dir"
  exit 0
fi

started=$SECONDS
say "installing code-server $CODE_SERVER_VERSION into $install_dir (about 2 minutes, once per machine)"
rm -rf "$install_dir"
mkdir -p "$install_dir"
cd "$install_dir"
# Quiet npm, but keep its errors: they are what a person needs when a step fails.
npm_quiet=(--no-audit --no-fund --loglevel=error)

step="npm install code-server@$CODE_SERVER_VERSION"
say "$step"
echo '{"name":"ga-ipv6-code-server","private":true}' >package.json
# --ignore-scripts: its postinstall refuses to run as root and would download ripgrep from GitHub.
npm install "${npm_quiet[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION"

vscode_dir="$install_dir/node_modules/code-server/lib/vscode"
cd "$vscode_dir"
step="npm install (VS Code's own dependencies)"
say "$step"
npm install "${npm_quiet[@]}" --omit=dev --ignore-scripts

step="pointing @vscode/ripgrep at /usr/bin/rg"
# Its postinstall skips the GitHub download when bin/ exists.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg

step="npm rebuild (native modules: node-pty, spdlog, kerberos, ...)"
say "$step"
# npm_config_yes lets node-pty's install script run `npx node-gyp` without a prompt.
npm_config_yes=true npm rebuild "${npm_quiet[@]}" >/dev/null

step="linking node_modules.asar and the remote CLI helpers"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

step="npm install (built-in extensions)"
say "$step"
# Its postinstall lists every file it prunes: noise, not news.
(cd extensions && npm install "${npm_quiet[@]}" --omit=dev >/dev/null)

step="npm rebuild argon2"
cd "$install_dir"
# Skipped by --ignore-scripts above; without it code-server exits with "Cannot find module ...argon2.node".
npm rebuild "${npm_quiet[@]}" argon2 >/dev/null

step="checking that code-server starts"
node node_modules/code-server/out/node/entry.js --version >/dev/null

date -u +%Y-%m-%dT%H:%M:%SZ >"$marker"
say "code-server $CODE_SERVER_VERSION installed in $((SECONDS - started))s"
echo "$install_dir"
