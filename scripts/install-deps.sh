#!/usr/bin/env bash
# Installs the Debian 12 packages Mailflow Workbench needs to build, run and test.
# Idempotent: installs only what is missing. Runs apt-get as root or through sudo.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ clang pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 libgl-dev libarchive-dev
  libpcre2-dev
  # run the GUI without a display, screenshots
  xvfb xauth qt6-qpa-plugins
  # the first PDF report pages as images (tst_screenshot_matrix)
  poppler-utils
  # tests with real peers on loopback
  postfix python3 python3-aiosmtpd dnsmasq-base openssl unbound ldnsutils
  # fuzzing (tests/fuzz/run-fuzz.sh, run by scripts/test.sh): clang + libclang-rt-14-dev, which ships
  # libclang_rt.fuzzer*.a and the sanitizer runtimes; llvm brings llvm-symbolizer (on PATH) for readable
  # stacks in sanitizer reports
  libclang-rt-14-dev llvm
  # docs/scale.md checked for real (test scale_engines_sql): a ClickHouse server started on loopback
  clickhouse-server clickhouse-client
  # packaging checks (tests/installer: cpack + dpkg-shlibdeps, dpkg -i into a scratch root, validators)
  appstream desktop-file-utils dpkg-dev file
  # the CI workflow checks (tests/installer: yamllint, check_workflow.py with PyYAML)
  yamllint python3-yaml
)

# Node.js runs ../shared/tools/pscheck; Debian's nodejs/npm are used only when no node is present
# (a node from another source usually bundles npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# DuckDB for scale_engines_sql (the npm package tests/bench uses, same version), installed once into
# MWB_DUCKDB_DIR so the test needs no network. Runs after the Debian packages (it needs npm).
install_duckdb() {
  local root dir
  root=$(cd "$(dirname "$0")/.." && pwd)
  dir=${MWB_DUCKDB_DIR:-/usr/local/lib/mwb-duckdb}
  if [ -d "$dir/node_modules/@duckdb/node-api" ] && cmp -s "$root/tests/bench/package.json" "$dir/package.json"; then
    return 0
  fi
  echo "install-deps: installing @duckdb/node-api into $dir"
  $SUDO mkdir -p "$dir"
  $SUDO cp "$root/tests/bench/package.json" "$dir/package.json"
  (cd "$dir" && $SUDO npm install --no-audit --no-fund >/dev/null)
}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  install_duckdb
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
# postfix asks questions at install time; "No configuration" keeps it from touching the machine.
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The tests start their own postfix on a loopback port; the system instance must not hold port 25.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet postfix 2>/dev/null; then
  $SUDO systemctl stop postfix || true
fi
# Likewise unbound: the DNSSEC test runs its own validating instance on 127.0.30.60; a system
# instance would hold port 53 on loopback (and other tests use port 53 there).
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet unbound 2>/dev/null; then
  $SUDO systemctl disable --now unbound || true
fi
# scale_engines_sql starts its own ClickHouse on free loopback ports; the system one is not needed.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet clickhouse-server 2>/dev/null; then
  $SUDO systemctl disable --now clickhouse-server || true
fi
install_duckdb
