#!/usr/bin/env bash
# Release builds of the server for every platform a restaurant runs it on, from one command:
#   deploy/release.sh [VERSION]   → dist/myrestaurant_VERSION_OS_ARCH.tar.gz (.zip for Windows) and SHA256SUMS
#   deploy/release.sh --check     → only compiles every platform (CI: none may silently break)
# The binaries are static (CGO_ENABLED=0: modernc.org/sqlite is pure Go), so they run without any library.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=auto CGO_ENABLED=0

# RELEASE_PLATFORMS=linux/arm64 limits the build to some of them.
platforms="${RELEASE_PLATFORMS:-linux/amd64 linux/arm64 darwin/arm64 darwin/amd64 windows/amd64}"

if [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  for p in $platforms; do
    echo "compiling for $p"
    GOOS="${p%/*}" GOARCH="${p#*/}" go build -trimpath -o "$out/myrestaurant" .
  done
  exit 0
fi

version="${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}"
rm -rf dist && mkdir -p dist
for p in $platforms; do
  os="${p%/*}" arch="${p#*/}"
  name="myrestaurant_${version}_${os}_${arch}"
  exe=myrestaurant
  [ "$os" = windows ] && exe=myrestaurant.exe
  echo "building $name"
  mkdir -p "dist/$name"
  GOOS="$os" GOARCH="$arch" go build -trimpath -ldflags "-s -w" -o "dist/$name/$exe" .
  cp README.md "dist/$name/"
  cp deploy/myrestaurant.service "dist/$name/"
  if [ "$os" = windows ]; then
    (cd dist && python3 -m zipfile -c "$name.zip" "$name" >/dev/null 2>&1 || zip -qr "$name.zip" "$name")
  else
    tar -C dist -czf "dist/$name.tar.gz" "$name"
  fi
  rm -rf "dist/$name"
done
(cd dist && find . -maxdepth 1 \( -name "*.tar.gz" -o -name "*.zip" \) -printf "%f\n" | sort | xargs sha256sum > SHA256SUMS)
ls -l dist
