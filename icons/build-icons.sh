#!/usr/bin/env bash
# Regenerates every raster icon in icons/ from the hand-written SVGs.
#
#   sitrep.svg        the mark, drawn on a 512 grid (used for 24 px and up)
#   sitrep-small.svg  the same mark fitted to a 16 px pixel grid (used for 16 px only,
#                     where the scaled-down big mark turns to mush)
#
# Needs (Debian/Ubuntu packages):
#   librsvg2-bin   rsvg-convert   SVG -> PNG
#   imagemagick    convert        PNGs -> multi-size .ico
#   icnsutils      png2icns       PNGs -> .icns
#   apt-get install -y --no-install-recommends librsvg2-bin imagemagick icnsutils
#
# Run from anywhere: ./icons/build-icons.sh
set -euo pipefail

cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "build-icons: '$tool' not found (apt-get install librsvg2-bin imagemagick icnsutils)" >&2
    exit 1
  }
done

png() { # size source
  # 8-bit RGBA PNG, no metadata timestamps, so rebuilds are byte-stable
  rsvg-convert -w "$1" -h "$1" -f png "$2" -o "sitrep-$1.png.tmp"
  convert "sitrep-$1.png.tmp" -strip -define png:color-type=6 -define png:bit-depth=8 "PNG32:sitrep-$1.png"
  rm -f "sitrep-$1.png.tmp"
}

png 16 sitrep-small.svg
for size in 24 32 48 64 128 256 512; do
  png "$size" sitrep.svg
done

# Windows: one .ico holding 16..256 (256 is stored PNG-compressed by ImageMagick)
convert sitrep-16.png sitrep-24.png sitrep-32.png sitrep-48.png sitrep-64.png \
        sitrep-128.png sitrep-256.png sitrep.ico

# macOS: png2icns picks the icns slot from each PNG's size (16, 32, 48, 128, 256, 512)
png2icns sitrep.icns sitrep-16.png sitrep-32.png sitrep-48.png sitrep-128.png \
         sitrep-256.png sitrep-512.png >/dev/null

ls -l sitrep-*.png sitrep.ico sitrep.icns
