#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) and Debian's Chromium for the end-to-end test and
# `npm run editor`, using only apt and the npm registry: code-server's own post-install step would
# download prebuilt binaries, so it is skipped and its work redone here from source.
# Idempotent: a marker file makes a second run return at once.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/code-server"
PKG="$TOOLS/node_modules/code-server"
VSCODE="$PKG/lib/vscode"
MARKER="$TOOLS/.installed-$CODE_SERVER_VERSION"
# fonts-wqy-microhei: CJK glyphs, so screenshots of Chinese reports are readable.
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium fonts-wqy-microhei)

export DEBIAN_FRONTEND=noninteractive
# No prompts, no progress bars, no update checks: this runs unattended in CI.
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_progress=false npm_config_loglevel=warn
# npm 11 only warns about install scripts that no allowScripts policy covers; the rebuilds below
# need theirs to run, so a stricter user config must not turn that warning into a failure.
export npm_config_strict_allow_scripts=false

START=$SECONDS
step() { printf '[setup-code-server %3ds] %s\n' "$((SECONDS - START))" "$*"; }
fail() { printf '[setup-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

apt_missing() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

if [ -n "$(apt_missing)" ]; then
  [ "$(id -u)" -eq 0 ] || fail "needs root for apt-get (missing: $(apt_missing))"
  step "apt-get install: $(apt_missing)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
else
  step "apt packages already installed"
fi

if [ -f "$MARKER" ] && [ -f "$PKG/out/node/entry.js" ]; then
  step "code-server $CODE_SERVER_VERSION already installed in $TOOLS"
  exit 0
fi

mkdir -p "$TOOLS"
cd "$TOOLS"
# A package.json of its own keeps this folder out of the project's npm tree and policy.
[ -f package.json ] || printf '{ "name": "report-review-tools", "private": true }\n' > package.json

step "npm install code-server@$CODE_SERVER_VERSION (scripts skipped)"
npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION"

step "npm rebuild argon2 (password hashing; built from source)"
npm rebuild argon2

cd "$VSCODE"
step "npm install in lib/vscode (scripts skipped)"
npm install --omit=dev --ignore-scripts

# The native modules VS Code's server loads; each is compiled by node-gyp against this Node.
NATIVE=(kerberos node-pty @vscode/spdlog @vscode/deviceid native-watchdog)
step "npm rebuild ${NATIVE[*]}"
if ! npm rebuild "${NATIVE[@]}"; then
  # node-pty's post-install step can fail after its addon is built; that is harmless as long as
  # every .node file below exists.
  step "npm rebuild reported an error; checking the built addons"
fi
for addon in \
  node_modules/kerberos/build/Release/kerberos.node \
  node_modules/node-pty/build/Release/pty.node \
  node_modules/@vscode/spdlog/build/Release/spdlog.node \
  node_modules/native-watchdog/build/Release/watchdog.node; do
  [ -f "$addon" ] || fail "native addon missing after rebuild: $VSCODE/$addon"
done

# @vscode/ripgrep downloads rg in its post-install step; Debian's rg stands in for it.
step "ripgrep from /usr/bin/rg"
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# VS Code resolves some modules through node_modules.asar, which a source install does not make.
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar

step "npm install in lib/vscode/extensions (scripts skipped)"
(cd extensions && npm install --omit=dev --ignore-scripts)

node "$PKG/out/node/entry.js" --version >/dev/null || fail "code-server does not start"
touch "$MARKER"
step "done: $(node "$PKG/out/node/entry.js" --version | head -1) in $TOOLS"
