#!/bin/sh
# Stages what a hub runs from: TARGET/sitrep.jar and TARGET/lib/*.jar except the jars that
# packaging/hub/exclude-jars.txt names (the desktop console's user interface). The Containerfile
# runs it to fill /opt/sitrep; on a server it installs the hub (e.g. into /opt/sitrep-hub).
#
#   packaging/hub/stage-hub.sh TARGET DEST      e.g. packaging/hub/stage-hub.sh target /opt/sitrep-hub
#
# DEST must not exist yet, or be an empty directory: a stale jar from an older version left in
# DEST/lib would not be on the class path (the manifest names each jar) but would confuse whoever
# looks. Then: java -jar DEST/sitrep.jar hub ...
set -eu

die() { printf 'stage-hub: %s\n' "$*" >&2; exit 1; }

[ "$#" -eq 2 ] || die "usage: stage-hub.sh TARGET DEST (TARGET holds sitrep.jar and lib/ from 'mvn -DskipTests package')"
from=$1
dest=$2
rules="$(dirname "$0")/exclude-jars.txt"

[ -f "$from/sitrep.jar" ] && [ -d "$from/lib" ] \
  || die "$from/sitrep.jar or $from/lib is missing: run 'mvn -q -DskipTests package' first"
[ -r "$rules" ] || die "$rules is missing: it names the jars the hub leaves out"
if [ -e "$dest" ]; then
  [ -d "$dest" ] && [ -z "$(ls -A "$dest")" ] \
    || die "$dest exists and is not an empty directory; stage into a new one (then swap it in)"
fi

# The patterns, checked: only the characters exclude-jars.txt allows, so the shell's matching
# below and any other reader of the file agree on what each pattern means.
patterns=$(sed -e 's/[[:space:]]*$//' -e '/^#/d' -e '/^$/d' "$rules")
# Words split at newlines only (a path may hold spaces); no pathname expansion of the patterns.
IFS='
'
set -f # the patterns are matched against jar names below, never expanded against files here
for p in $patterns; do
  case "$p" in
    *[!A-Za-z0-9._*-]*) die "$rules: pattern '$p' may hold only letters, digits, '.', '_', '-' and '*'" ;;
  esac
done

mkdir -p "$dest/lib"
cp "$from/sitrep.jar" "$dest/sitrep.jar"
kept=0
left=0
set +f
jars=$(ls "$from"/lib/*.jar 2>/dev/null) || die "$from/lib holds no jars"
set -f
for jar in $jars; do
  name=$(basename "$jar")
  skip=no
  for p in $patterns; do
    # shellcheck disable=SC2254 # the pattern is meant to match as a glob
    case "$name" in
      $p) skip=yes; break ;;
    esac
  done
  if [ "$skip" = yes ]; then
    left=$((left + 1))
  else
    cp "$jar" "$dest/lib/$name"
    kept=$((kept + 1))
  fi
done
echo "stage-hub: $dest/sitrep.jar and $kept jars in $dest/lib ($left left out by $rules)"
