#!/bin/sh
# The system packages Hinge needs, checked before make runs Hinge (run), its tests (test) or the
# build and check of its packages (package).
#
#   sh packaging/system_packages.sh run|test|package [--python PYTHON]
#
# On Debian and Ubuntu the missing ones are installed when root, and otherwise named in the one
# `sudo apt install` line to run (exit 1). Elsewhere it says what it could not find and goes on:
# Hinge runs without its voice. With --python, what PYTHON itself needs: pythonX.Y-venv when it
# cannot make a virtual environment (Debian leaves ensurepip out of python3), and for package,
# libpythonX.Y when it is the system's Python (PyInstaller bundles the shared library).
#
# There is no stamp file: one dpkg-query reads dpkg's own record in a few milliseconds, so a
# package removed later is always noticed. For the tests, HINGE_OS_RELEASE names the os-release
# file, and dpkg-query, id, apt-get, uname and ldconfig are taken from PATH.
set -eu

# What running Hinge needs.
#   voice: pyttsx3 speaks through espeak-ng; Qt Multimedia plays the cues through libpulse, and
#   loads its FFmpeg plugin, which links Xrandr and Xext
#   Qt: GLib (QtCore), EGL, OpenGL, fontconfig, xkbcommon and D-Bus (QtGui), and one font
#   a real window: the X11 libraries Qt's xcb platform links
# A|B: either will do (Ubuntu 24.04 and Debian 13 renamed GLib's library package).
RUN="espeak-ng libpulse0 libxrandr2 libxext6
libglib2.0-0t64|libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3
fonts-dejavu-core
libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
libxkbcommon-x11-0"

# What the tests, `make package-test` and `make bench` add.
#   a real window: Xvfb, and xwininfo to see it; the voice heard: a PulseAudio null sink
#   recorded with parec; the desktop files' validators; unshare and setpriv (util-linux) and
#   chattr (e2fsprogs) to make a log read-only even for root; a session bus of the tests' own
#   for the desktop's services (dbus-daemon; Ubuntu 22.04 has it in dbus), and a real
#   notification daemon on it (dunst)
TEST="xvfb x11-utils pulseaudio pulseaudio-utils desktop-file-utils appstream util-linux
e2fsprogs dbus|dbus-daemon dunst"

# What building the packages adds to the tests: objdump, which PyInstaller runs.
PACKAGE="binutils"

case "${1-}" in
run) packages=$RUN what="running Hinge" ;;
test) packages="$RUN $TEST" what="Hinge's tests" ;;
package) packages="$RUN $TEST $PACKAGE" what="building and checking Hinge's packages" ;;
*)
    echo "usage: sh packaging/system_packages.sh run|test|package [--python PYTHON]" >&2
    exit 2
    ;;
esac
python=
[ "${2-}" = --python ] && python=${3:?--python needs a Python}

os_release=${HINGE_OS_RELEASE:-/etc/os-release}
# shellcheck disable=SC1090 # os-release is meant to be read by the shell
distro=$( [ -r "$os_release" ] && . "$os_release" && echo "${ID-} ${ID_LIKE-}" ) || distro=

case " $distro " in
*" debian "* | *" ubuntu "*) command -v dpkg-query > /dev/null || distro= ;;
*) distro= ;;
esac

if [ -z "$distro" ]; then
    # Not Debian or Ubuntu: look for what the packages bring, say what is not found, go on.
    [ "$(uname -s)" = Linux ] || exit 0 # macOS and Windows have their own voices and windows
    libraries=$(ldconfig -p 2> /dev/null || /sbin/ldconfig -p 2> /dev/null) || exit 0
    lacking=
    for pair in libespeak-ng.so.1:espeak-ng libpulse.so.0:libpulse \
        libxcb-cursor.so.0:xcb-util-cursor; do
        case "$libraries" in *"${pair%%:*} "*) ;; *) lacking="$lacking ${pair#*:}" ;; esac
    done
    if [ "$1" != run ]; then
        for command in Xvfb xwininfo pulseaudio parec desktop-file-validate appstreamcli \
            dbus-daemon dunst; do
            command -v "$command" > /dev/null || lacking="$lacking $command"
        done
    fi
    [ -z "$lacking" ] || echo "Not found, for the voice, the window or the tests:$lacking." \
        "Install them with your system's package manager (dnf, pacman...); going on." >&2
    exit 0
fi

if [ -n "$python" ]; then
    packages="$packages $("$python" - "$1" << 'EOF'
import sys
version = "%d.%d" % sys.version_info[:2]
try:
    import ensurepip
except ImportError:
    print(f"python{version}-venv")
if sys.argv[1] == "package" and sys.base_prefix == "/usr":
    print(f"libpython{version}")
EOF
)"
fi

# One dpkg-query for them all: the names installed ("hold ok installed" counts too).
# shellcheck disable=SC2046,SC2086 # the lists are split into names on purpose
installed=" $(dpkg-query -W -f '${Package} ${Status}\n' $(echo $packages | tr '|' ' ') 2> /dev/null |
    awk '$(NF-1) == "ok" && $NF == "installed" { printf "%s ", $1 }') "

missing=
for package in $packages; do
    found=
    IFS='|'
    for name in $package; do
        case "$installed" in *" $name "*) found=yes ;; esac
    done
    unset IFS
    # Of alternatives, the last is the one to install: apt takes it for the new name.
    [ -n "$found" ] || missing="$missing ${package##*|}"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages for $what; only root can install them (or skip this check" \
        "with SYSTEM_PACKAGES=no):" >&2
    echo "sudo apt install$missing" >&2
    exit 1
fi
echo "Installing the Debian packages for $what:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get update && apt-get install -y --no-install-recommends $missing
