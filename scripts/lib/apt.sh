# shellcheck shell=bash
# Installs Debian packages that are missing, with one `apt-get update` per run at most.
# Sourced by test.sh and scripts/test-servers.sh after scripts/lib/common.sh.

# True when dpkg reports the package as fully installed.
package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs whichever of the named packages are missing; does nothing (and needs no network) when
# all are present. Services are kept from starting during the install: the scripts start them
# themselves on loopback, after writing their configuration.
ensure_packages() {
  local missing=() package
  for package in "$@"; do
    package_installed "$package" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  [ "$(id -u)" = 0 ] || die "packages missing: ${missing[*]}; run as root (or: sudo apt-get install ${missing[*]})"
  say "installing Debian packages: ${missing[*]}"

  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    # Debian's documented switch for "do not start daemons from maintainer scripts".
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    created_policy=1
  fi

  local status=0
  if [ "${APT_UPDATED:-0}" != 1 ]; then
    apt-get update -q -o DPkg::Lock::Timeout=300 || status=$?
    APT_UPDATED=1
  fi
  if [ "$status" -eq 0 ]; then
    # Waits for the dpkg lock instead of failing when another apt run holds it.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=300 "${missing[@]}" || status=$?
  fi

  [ "$created_policy" = 1 ] && rm -f "$policy"
  [ "$status" -eq 0 ] || die "apt-get could not install: ${missing[*]} (exit $status); see the apt output above"
}
