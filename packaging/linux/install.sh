#!/bin/sh
# Put Hinge in this user's application menu, or take it out again.
#
#   ./install.sh                   from a release archive: copy the bundle beside this script to
#                                  ~/.local/lib/hinge-desktop, link ~/.local/bin/hinge-desktop to
#                                  it, and add the menu entry, AppStream metainfo and icons
#   ./install.sh --uninstall       remove all of that again (your training log stays)
#
#   install.sh --share DIR --exec COMMAND [--uninstall]
#                                  add (or remove) the menu entry for COMMAND, an absolute path,
#                                  from the share/ tree DIR (what `make install-desktop` does)
#
# Everything goes under $XDG_DATA_HOME (default ~/.local/share); nothing needs root.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
share="$here/share"
exec_path=""
uninstall=no

while [ $# -gt 0 ]; do
    case "$1" in
        --share) share=$2; shift 2 ;;
        --exec) exec_path=$2; shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

: "${HOME:?install.sh: HOME is not set}"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib_dir=$HOME/.local/lib/hinge-desktop
bin_link=$HOME/.local/bin/hinge-desktop
bundle="$here/hinge-desktop"

if [ ! -d "$share/applications" ]; then
    echo "install.sh: no desktop files in $share/applications" >&2
    exit 1
fi

# The same files come and go: whatever is in the share/ tree.
files=$(cd "$share" && find . -type f | sed 's|^\./||' | sort)

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$uninstall" = yes ]; then
    for f in $files; do
        rm -f "$data_home/$f"
    done
    if [ -z "$exec_path" ] && [ -d "$lib_dir" ]; then
        if [ -L "$bin_link" ]; then rm -f "$bin_link"; fi
        rm -rf "$lib_dir"
    fi
    refresh_caches
    echo "Hinge is uninstalled. Your training log is still in ${XDG_DATA_HOME:-$HOME/.local/share}/Hinge."
    exit 0
fi

if [ -z "$exec_path" ]; then
    if [ ! -x "$bundle/hinge-desktop" ]; then
        echo "install.sh: no Hinge bundle at $bundle; use --exec COMMAND" >&2
        exit 1
    fi
    rm -rf "$lib_dir.new"
    mkdir -p "$(dirname "$lib_dir")" "$(dirname "$bin_link")"
    cp -R "$bundle" "$lib_dir.new"
    rm -rf "$lib_dir"
    mv "$lib_dir.new" "$lib_dir"
    ln -sfn "$lib_dir/hinge-desktop" "$bin_link"
    exec_path=$lib_dir/hinge-desktop
fi

case "$exec_path" in
    /*) ;;
    *) echo "install.sh: --exec needs an absolute path, not $exec_path" >&2; exit 2 ;;
esac
case "$exec_path" in
    *[\"\`\$\\\|\&%]*)
        echo "install.sh: cannot write a menu entry for a path with \", \`, \$, \\, |, & or %: $exec_path" >&2
        exit 2 ;;
esac
if [ ! -x "$exec_path" ]; then
    echo "install.sh: $exec_path is not a program" >&2
    exit 1
fi
# The Exec key quotes a path with spaces; TryExec takes it as it is.
case "$exec_path" in
    *" "*) exec_value="\"$exec_path\"" ;;
    *) exec_value=$exec_path ;;
esac

for f in $files; do
    mkdir -p "$(dirname "$data_home/$f")"
    case "$f" in
        applications/*.desktop)
            sed -e "s|^Exec=hinge-desktop|Exec=$exec_value|" \
                -e "s|^TryExec=hinge-desktop|TryExec=$exec_path|" \
                "$share/$f" > "$data_home/$f.new"
            mv "$data_home/$f.new" "$data_home/$f" ;;
        *)
            cp "$share/$f" "$data_home/$f" ;;
    esac
done
refresh_caches
echo "Hinge is in your application menu; it starts $exec_path."
