#!/bin/sh
# Rebuilds the fallback faces from DejaVu Sans as Debian ships it. Run from
# this directory:
#
#	apt-get install -y fonts-dejavu-core python3-fonttools
#	./subset.sh
#
# PYTHON picks the interpreter that has fontTools (default python3; Debian's
# package installs it for /usr/bin/python3).
#
# Produced with fonts-dejavu-core 2.37-6 and python3-fonttools 4.38.0
# (Debian 12); other versions can give other bytes, which changes the
# golden hashes of any test document that prints these letters.
#
# The subset holds the Cyrillic (U+0400-04FF) and Cyrillic Supplement
# (U+0500-052F) characters that the Go fonts lack: U+0460-048F and
# U+0492-052F. DejaVu Sans has all of them but U+0526-052F. Hinting and
# OpenType layout tables are dropped: gofpdf uses neither.
set -eu
src=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
python=${PYTHON:-python3}
for face in DejaVuSans DejaVuSans-Bold; do
	"$python" -m fontTools.subset "$src/$face.ttf" \
		--output-file="$face-CyrillicExt.ttf" \
		--unicodes=U+0460-048F,U+0492-052F \
		--no-hinting \
		--layout-features= \
		--drop-tables+=GSUB,GPOS,GDEF,kern
done
