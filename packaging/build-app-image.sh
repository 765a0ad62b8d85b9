#!/usr/bin/env bash
# Builds a self-contained Sitrep app image (jlink-trimmed Java runtime + JavaFX + app jars)
# with jpackage, then the platform installer where the platform's tools exist, and ends with
# a headless smoke test of the image's launcher.
#
# Run from the repository root, after:   mvn -q -DskipTests package
#   packaging/build-app-image.sh
#
# Output:  target/package/Sitrep/            app image (Linux; Sitrep.app on macOS)
#          target/package/sitrep_*.deb       Linux, when dpkg-deb is present
#          target/package/Sitrep-*.msi       Windows, when WiX (candle/light) is present
#          target/package/Sitrep-*.dmg       macOS
#
# Environment knobs:
#   JAVA_HOME        JDK 17+ with jpackage, jlink, jdeps (default: the java on PATH)
#   SKIP_INSTALLER=1 build only the app image
set -euo pipefail

APP_NAME=Sitrep
MAIN_CLASS=dev.sitrep.Launcher
MAIN_JAR=sitrep.jar
VENDOR="Sitrep"
DESCRIPTION="War-room incident console: triage, severity board, kill switch, evidence, postmortems"
COPYRIGHT="Sitrep contributors"
# JavaFX modules the app uses (javafx.base and javafx.graphics come in as their dependencies)
FX_MODULES=javafx.controls,javafx.fxml,javafx.swing
# Modules jdeps cannot see: loaded reflectively or by service lookup.
#   jdk.crypto.ec     elliptic-curve TLS cipher suites (OkHttp handshakes fail without it)
#   jdk.unsupported   sun.misc.Unsafe (H2, Jackson, Kotlin/Okio, JavaFX)
#   java.sql, java.naming, java.management  H2 / Flyway (JDBC, JNDI lookups, JMX)
EXTRA_MODULES=jdk.crypto.ec,jdk.unsupported,java.sql,java.naming,java.management
JLINK_OPTIONS=(--strip-debug --no-man-pages --no-header-files --compress=2)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build-app-image: %s\n' "$*" >&2; exit 1; }

[[ -f pom.xml && -d packaging ]] || die "run me from the repository root"
[[ -f target/$MAIN_JAR && -d target/lib ]] \
  || die "target/$MAIN_JAR or target/lib missing: run 'mvn -q -DskipTests package' first"

if [[ -n "${JAVA_HOME:-}" ]]; then
  JBIN="$JAVA_HOME/bin/"
else
  JBIN=""
fi
for tool in java jdeps jlink jpackage; do
  command -v "${JBIN}${tool}" >/dev/null 2>&1 || die "'${JBIN}${tool}' not found: need a JDK 17+ (set JAVA_HOME)"
done

# ---- platform -------------------------------------------------------------------------
case "$(uname -s)" in
  Linux*)                   OS=linux;   SEP=:; ICON=icons/sitrep-256.png ;;
  Darwin*)                  OS=mac;     SEP=:; ICON=icons/sitrep.icns ;;
  MINGW*|MSYS*|CYGWIN*)     OS=windows; SEP=';'; ICON=icons/sitrep.ico ;;
  *) die "unsupported OS: $(uname -s)" ;;
esac
[[ -f "$ICON" ]] || die "icon $ICON missing (icons/build-icons.sh regenerates it)"

# ---- version --------------------------------------------------------------------------
# "sitrep 0.1.0" -> "0.1.0"; jpackage wants 1 to 3 dot-separated numbers, so drop any
# qualifier such as -SNAPSHOT for the package version.
VERSION_LINE=$("${JBIN}java" -jar "target/$MAIN_JAR" --version 2>/dev/null | tail -n 1 || true)
VERSION=${VERSION_LINE#sitrep }
VERSION=${VERSION##* }
[[ -n "$VERSION" ]] || die "could not read the version from 'java -jar target/$MAIN_JAR --version'"
APP_VERSION=$(printf '%s' "$VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$VERSION' has no numeric part for jpackage"
say "Sitrep $VERSION (package version $APP_VERSION) on $OS"

OUT=target/package
WORK=target/package-work
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK/input" "$WORK/resources"

# ---- input: the app jar and every non-JavaFX dependency -------------------------------
# JavaFX goes into the runtime image as modules instead (its platform jars carry the
# natives); keeping it off the class path avoids a second copy. The jar manifest's
# Class-Path still names the JavaFX jars; missing Class-Path entries are ignored by Java.
cp "target/$MAIN_JAR" "$WORK/input/"
mkdir -p "$WORK/input/lib"
shopt -s nullglob
FX_JARS=(target/lib/javafx-*-"$OS".jar)
[[ "$OS" == mac && ${#FX_JARS[@]} -eq 0 ]] && FX_JARS=(target/lib/javafx-*-mac*.jar)
[[ "$OS" == windows && ${#FX_JARS[@]} -eq 0 ]] && FX_JARS=(target/lib/javafx-*-win*.jar)
shopt -u nullglob
[[ ${#FX_JARS[@]} -gt 0 ]] || die "no JavaFX platform jars (javafx-*-$OS.jar) in target/lib"
APP_LIBS=()
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) continue ;; esac
  cp "$jar" "$WORK/input/lib/"
  APP_LIBS+=("$jar")
done
FX_PATH=$(IFS="$SEP"; echo "${FX_JARS[*]}")
APP_CP=$(IFS="$SEP"; echo "${APP_LIBS[*]}")

# ---- modules --------------------------------------------------------------------------
say "jdeps: JDK modules the app and its libraries need"
JDK_MODULES=$("${JBIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$FX_PATH" --class-path "$APP_CP" "target/$MAIN_JAR" | tail -n 1)
[[ "$JDK_MODULES" =~ ^[a-z.,0-9]+$ ]] || die "jdeps gave no module list: '$JDK_MODULES'"
MODULES="$JDK_MODULES,$EXTRA_MODULES,$FX_MODULES"
MODULES=$(tr ',' '\n' <<<"$MODULES" | sort -u | paste -sd, -)
echo "jdeps:   $JDK_MODULES"
echo "modules: $MODULES"

say "jlink: trimmed runtime"
"${JBIN}jlink" --module-path "$FX_PATH" --add-modules "$MODULES" "${JLINK_OPTIONS[@]}" \
  --output "$WORK/runtime"
"$WORK/runtime/bin/java" --list-modules | sed 's/@.*//' | paste -sd' ' -

# ---- app image ------------------------------------------------------------------------
COMMON=(
  --name "$APP_NAME"
  --app-version "$APP_VERSION"
  --vendor "$VENDOR"
  --description "$DESCRIPTION"
  --copyright "$COPYRIGHT"
  --icon "$ICON"
  --dest "$OUT"
)
say "jpackage: app image"
"${JBIN}jpackage" --type app-image "${COMMON[@]}" \
  --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" \
  --java-options '-Dfile.encoding=UTF-8'

case "$OS" in
  linux)   IMAGE="$OUT/$APP_NAME";     LAUNCHER="$IMAGE/bin/$APP_NAME" ;;
  mac)     IMAGE="$OUT/$APP_NAME.app"; LAUNCHER="$IMAGE/Contents/MacOS/$APP_NAME" ;;
  windows) IMAGE="$OUT/$APP_NAME";     LAUNCHER="$IMAGE/$APP_NAME.exe" ;;
esac
[[ -x "$LAUNCHER" || -f "$LAUNCHER" ]] || die "launcher $LAUNCHER was not produced"

# ---- installer ------------------------------------------------------------------------
INSTALLER_NOTE="none"
if [[ "${SKIP_INSTALLER:-0}" == 1 ]]; then
  INSTALLER_NOTE="skipped (SKIP_INSTALLER=1)"
else
  case "$OS" in
    linux)
      if command -v dpkg-deb >/dev/null 2>&1; then
        say "jpackage: .deb"
        # --resource-dir overrides: packaging/sitrep.desktop replaces jpackage's generated
        # desktop entry (jpackage looks for <launcher>.desktop there)
        cp packaging/sitrep.desktop "$WORK/resources/$APP_NAME.desktop"
        # postinst/prerm: jpackage's own, with the desktop-menu step made best effort
        cp packaging/deb/postinst packaging/deb/prerm "$WORK/resources/"
        "${JBIN}jpackage" --type deb "${COMMON[@]}" \
          --app-image "$IMAGE" \
          --resource-dir "$WORK/resources" \
          --linux-package-name sitrep \
          --linux-package-deps libgtk-3-0 \
          --linux-shortcut \
          --linux-menu-group Utility \
          --linux-app-category utils
        DEB=$(ls "$OUT"/sitrep_*.deb)
        # the shipped desktop entry must point at what the package installs
        # (listing captured first: grep -q closing the pipe early would fail under pipefail)
        DEB_FILES=$(dpkg-deb -c "$DEB")
        for f in /opt/sitrep/bin/Sitrep /opt/sitrep/lib/Sitrep.png /opt/sitrep/lib/sitrep-Sitrep.desktop; do
          grep -q " \.$f\$" <<<"$DEB_FILES" || die "$DEB has no $f (packaging/sitrep.desktop points there)"
        done
        INSTALLER_NOTE="$DEB"
      else
        INSTALLER_NOTE="no .deb: dpkg-deb not found"
      fi ;;
    windows)
      if command -v candle.exe >/dev/null 2>&1 && command -v light.exe >/dev/null 2>&1; then
        say "jpackage: .msi"
        "${JBIN}jpackage" --type msi "${COMMON[@]}" --app-image "$IMAGE" \
          --win-menu --win-menu-group "$APP_NAME" --win-shortcut --win-dir-chooser \
          --win-upgrade-uuid 6f1c5a2e-3b7d-4f0e-9c61-5a9e2d8b7c41
        INSTALLER_NOTE=$(ls "$OUT"/*.msi)
      else
        INSTALLER_NOTE="no .msi: WiX 3 (candle.exe, light.exe) not on PATH"
      fi ;;
    mac)
      say "jpackage: .dmg"
      "${JBIN}jpackage" --type dmg "${COMMON[@]}" --app-image "$IMAGE" \
        --mac-package-identifier dev.sitrep
      INSTALLER_NOTE=$(ls "$OUT"/*.dmg) ;;
  esac
fi

# ---- smoke test: the image's own launcher, as a CLI, with no display -------------------
say "smoke test: $LAUNCHER"
SMOKE_DIR=$(mktemp -d)   # launcher output
DATA_DIR=$(mktemp -d)    # a fresh, empty data directory
trap 'rm -rf "$SMOKE_DIR" "$DATA_DIR"' EXIT
GOT=$(env -u DISPLAY -u WAYLAND_DISPLAY "$LAUNCHER" --version 2>"$SMOKE_DIR/version.err") \
  || { cat "$SMOKE_DIR/version.err" >&2; die "smoke test: '$LAUNCHER --version' failed"; }
echo "--version -> $GOT"
grep -qF "$VERSION" <<<"$GOT" || die "smoke test: --version printed '$GOT', expected $VERSION"
env -u DISPLAY -u WAYLAND_DISPLAY "$LAUNCHER" incident list --data-dir "$DATA_DIR" \
  >"$SMOKE_DIR/list.out" 2>"$SMOKE_DIR/list.err" \
  || { cat "$SMOKE_DIR/list.out" "$SMOKE_DIR/list.err" >&2; die "smoke test: 'incident list' failed"; }
echo "incident list --data-dir <tmp> -> exit 0"

# ---- sizes ----------------------------------------------------------------------------
say "done"
echo "image:     $IMAGE  $(du -sh "$IMAGE" | cut -f1)"
echo "runtime:   $(du -sh "$WORK/runtime" | cut -f1) (jlink)"
echo "installer: $INSTALLER_NOTE"
for f in "$OUT"/*.deb "$OUT"/*.msi "$OUT"/*.dmg; do
  [[ -f "$f" ]] && echo "           $(du -h "$f" | cut -f1)  $f"
done
exit 0
