#!/usr/bin/env bash
# Installs what test/support/rgw/ceph-gateway.ts needs: the Ceph 16.2 mon, OSD
# and RADOS Gateway from the Debian 12 archive (ceph-common, pulled in as a
# dependency, brings the ceph / radosgw-admin / monmaptool tools), plus curl.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

packages=(ceph-mon ceph-osd radosgw curl)
binaries=(ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool curl)

missing=()
for b in "${binaries[@]}"; do
  command -v "$b" >/dev/null 2>&1 || missing+=("$b")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "rgw test bed: all binaries present ($(ceph --version 2>/dev/null | cut -d' ' -f1-3))"
  exit 0
fi
echo "rgw test bed: missing ${missing[*]}; installing ${packages[*]}"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install packages" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (e.g. a provisioning script) instead of failing on its lock.
apt_opts=(-y --no-install-recommends -o DPkg::Lock::Timeout=600)

# Refresh the package lists only when they cannot provide the packages
# (fresh container with empty lists, or lists too old to know them).
needs_update=false
for p in "${packages[@]}"; do
  candidate=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then needs_update=true; fi
done
if $needs_update; then
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update
fi

if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${packages[@]}"; then
  # Stale lists can name package versions the mirror no longer has: refresh once and retry.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${packages[@]}"
fi

for b in "${binaries[@]}"; do
  command -v "$b" >/dev/null 2>&1 || { echo "still missing after install: $b" >&2; exit 1; }
done
echo "rgw test bed: installed ($(ceph --version | cut -d' ' -f1-3))"
