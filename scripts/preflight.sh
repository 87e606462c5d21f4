#!/usr/bin/env bash
# What the integration and end-to-end tests need from the machine, before any test runs:
# Ceph's mon, OSD and RADOS Gateway (the local S3 server), curl, Debian's Chromium and its fonts.
# Installs what is missing when it can (root, or a sudo that works without a password), one line
# per step with its time; otherwise stops with the one command to run and why. Does nothing, in
# well under a second, when everything is there. `npm test` runs it first; so does `.ci/run`.
#
#   bash scripts/preflight.sh            # everything the test suite needs
#   bash scripts/preflight.sh gateway    # only the S3 test bed (the demo needs just this)
#
# Knobs for tests of this script: PREFLIGHT_CHROMIUM (default $CHROMIUM_PATH or /usr/bin/chromium),
# PREFLIGHT_FONTS (a font file that must exist), PREFLIGHT_APT (the apt-get to call).
set -uo pipefail

scope=${1:-all}
chromium=${PREFLIGHT_CHROMIUM:-${CHROMIUM_PATH:-/usr/bin/chromium}}
fonts=${PREFLIGHT_FONTS:-/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf}
apt=${PREFLIGHT_APT:-apt-get}

packages=()
reasons=()
need() { packages+=("$1"); reasons+=("$2"); }

for b in ceph-mon ceph-osd radosgw; do
  command -v "$b" >/dev/null 2>&1 || need "$b" "$b is missing (the local S3 test bed)"
done
# ceph, radosgw-admin and monmaptool come with ceph-common, a dependency of the three above.
for b in ceph radosgw-admin monmaptool; do
  command -v "$b" >/dev/null 2>&1 || need ceph-common "$b is missing (the test bed's admin tools)"
done
command -v curl >/dev/null 2>&1 || need curl "curl is missing (used by the upload-link tests)"
if [ "$scope" = all ]; then
  [ -x "$chromium" ] || need chromium "Chromium is missing at $chromium (the end-to-end tests drive it)"
  [ -e "$fonts" ] || need fonts-liberation "the Liberation fonts are missing (pages render with them in Chromium)"
fi

[ ${#packages[@]} -eq 0 ] && exit 0
if [ -n "${PREFLIGHT_RECHECK:-}" ]; then
  echo "preflight: still missing after the install: ${packages[*]}" >&2
  exit 5
fi

# One package may be needed for several reasons; install each once.
mapfile -t wanted < <(printf '%s\n' "${packages[@]}" | awk '!seen[$0]++')
echo "preflight: missing: ${wanted[*]}"
for r in "${reasons[@]}"; do echo "  - $r"; done

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    cat >&2 <<EOF
preflight: cannot install them: this is not root and sudo needs a password (or is not there).
Run this once, then npm test again:

  sudo apt-get install -y --no-install-recommends ${wanted[*]}

No test was run.
EOF
    exit 3
  fi
fi

step() { # step LABEL COMMAND...: runs it, prints how long it took, stops on failure
  local label=$1 started=$SECONDS
  shift
  if ! "$@" >/tmp/preflight-step.log 2>&1; then
    echo "preflight: $label failed after $((SECONDS - started)) s:" >&2
    tail -n 20 /tmp/preflight-step.log >&2
    echo "No test was run." >&2
    exit 4
  fi
  echo "preflight: $label ($((SECONDS - started)) s)"
}

export DEBIAN_FRONTEND=noninteractive
opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=600)
# Refresh the package lists only when they cannot provide a package (a fresh machine's are empty).
for p in "${wanted[@]}"; do
  candidate=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    step "apt-get update" "${as_root[@]}" "$apt" -q -o DPkg::Lock::Timeout=600 update
    break
  fi
done
install() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive "$apt" install "${opts[@]}" "${wanted[@]}"; }
# Stale lists can name versions the mirror no longer has: refresh once and try again.
retry_install() { install || { "${as_root[@]}" "$apt" -q -o DPkg::Lock::Timeout=600 update && install; }; }
step "install ${wanted[*]}" retry_install
PREFLIGHT_RECHECK=1 bash "$0" "$scope" || exit 5
echo "preflight: ready"
