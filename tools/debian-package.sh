#!/usr/bin/env bash
# Builds the Debian package of the multi-user server, for organisations, from a Linux release
# archive (tools/release.sh): the programs under /usr/lib/debtshield, the systemd unit
# debtshield.service (its own system user, hardened), the settings in /etc/debtshield/server.env
# (a conffile, mode 0640, root and the debtshield group), postinst, prerm and postrm.
#
#   tools/debian-package.sh ARCHIVE [OUT_DIR]      → prints the .deb's path
#
# ARCHIVE is debtshield-VERSION-linux-x64.tar.gz (package architecture amd64) or -linux-arm64
# (arm64). The package's version is the project's (Directory.Build.props) plus the archive's.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:?usage: tools/debian-package.sh ARCHIVE [OUT_DIR]}
out=${2:-artifacts/release}
name=$(basename "$archive" .tar.gz)
case "$name" in
  *-linux-x64) arch=amd64 ;;
  *-linux-arm64) arch=arm64 ;;
  *) echo "debian-package.sh: $archive is not a Linux release archive (linux-x64 or linux-arm64)" >&2; exit 2 ;;
esac
release=${name#debtshield-}
release=${release%-linux-*}
project=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
version="$project+$(tr -c 'A-Za-z0-9.\n' '.' <<<"$release")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
tar -xzf "$archive" -C "$work"
unpacked=$work/$name
for file in debtshield-web debtshield wwwroot; do
  [ -e "$unpacked/$file" ] || { echo "debian-package.sh: $archive has no $file" >&2; exit 1; }
done

install -d "$root/DEBIAN" "$root/usr/lib/debtshield" "$root/usr/sbin" "$root/etc/debtshield" \
  "$root/lib/systemd/system" "$root/usr/share/doc/debtshield"
cp -r "$unpacked/." "$root/usr/lib/debtshield/"
rm -f "$root/usr/lib/debtshield/使用说明.txt"   # the borrower's how-to; the organisation's is README.Debian
install -m 0644 tools/debian/debtshield.service "$root/lib/systemd/system/debtshield.service"
install -m 0640 tools/debian/server.env "$root/etc/debtshield/server.env"
install -m 0755 tools/debian/debtshield-create-admin "$root/usr/sbin/debtshield-create-admin"
install -m 0644 tools/debian/README.Debian "$root/usr/share/doc/debtshield/README.Debian"
install -m 0755 tools/debian/postinst tools/debian/prerm tools/debian/postrm "$root/DEBIAN/"
echo /etc/debtshield/server.env >"$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: debtshield
Version: $version
Architecture: $arch
Maintainer: DebtShield contributors
Installed-Size: $size
Depends: passwd, util-linux
Recommends: postgresql
Section: net
Priority: optional
Description: DebtShield (债盾) multi-user server for legal-aid organisations
 Defends people who borrowed from online lenders against unlawful collection:
 true loan costs, lawful balances, tamper-evident evidence, complaints and
 repayment plans. This package runs the multi-user web server (accounts, roles,
 case assignments, audit log) on PostgreSQL as a hardened systemd service.
 It never contacts anyone and never uploads data.
CONTROL
mkdir -p "$out"
deb=$(cd "$out" && pwd)/debtshield_${version}_$arch.deb
# gzip at its fastest: xz took about 4½ of the check's 6 minutes on a loaded machine, for programs
# that are already mostly compressed native code and precompiled IL.
dpkg-deb --root-owner-group -Zgzip -z1 --build "$root" "$deb" >/dev/null
echo "$deb"
