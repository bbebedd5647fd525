#!/bin/sh
# Put Hinge in this user's application menu, or take it out again. Nothing needs root.
#
#   ./install.sh                 from a release archive: copy the bundle beside this script to
#                                ~/.local/lib/hinge-desktop, link ~/.local/bin/hinge-desktop to
#                                it, and add the menu entry, AppStream metainfo and icons under
#                                $XDG_DATA_HOME (default ~/.local/share)
#   ./install.sh --uninstall     remove all of that again; your training log stays
#
#   install.sh --share DIR --exec COMMAND [--uninstall]
#                                add (or remove) only the menu entry, metainfo and icons of the
#                                share/ tree DIR, starting COMMAND, an absolute path
#                                (what `make install-desktop` does)
set -eu
unset CDPATH

here=$(cd -- "$(dirname -- "$0")" && pwd)
share="$here/share"
exec_path=""
uninstall=no
linked=no

while [ $# -gt 0 ]; do
    case "$1" in
        --share|--exec)
            if [ $# -lt 2 ] || [ -z "$2" ]; then
                echo "install.sh: $1 needs a value; is the command you meant to give installed?" >&2
                exit 2
            fi
            if [ "$1" = --share ]; then share=$2; else exec_path=$2; fi
            shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

: "${HOME:?install.sh: HOME is not set}"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib_dir=$HOME/.local/lib/hinge-desktop
bin_dir=$HOME/.local/bin
bin_link=$bin_dir/hinge-desktop
bundle="$here/hinge-desktop"

if [ ! -d "$share/applications" ]; then
    echo "install.sh: no desktop files in $share/applications" >&2
    exit 1
fi
share=$(cd -- "$share" && pwd)

# The same files come and go: whatever is in the share/ tree.
files=$(cd -- "$share" && find . -type f | sed 's|^\./||' | sort)

# Whether ~/.local/bin/hinge-desktop is this installer's link (even if its target is gone).
link_is_ours() {
    [ -L "$bin_link" ] && [ "$(readlink "$bin_link")" = "$lib_dir/hinge-desktop" ]
}

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$uninstall" = yes ]; then
    removed=no
    for f in $files; do
        if [ -e "$data_home/$f" ]; then rm -f "$data_home/$f"; removed=yes; fi
    done
    if [ -z "$exec_path" ]; then
        if link_is_ours; then rm -f "$bin_link"; removed=yes; fi
        if [ -e "$lib_dir" ] || [ -e "$lib_dir.new" ]; then rm -rf "$lib_dir" "$lib_dir.new"; removed=yes; fi
    fi
    refresh_caches
    if [ "$removed" = yes ] && [ -n "$exec_path" ]; then
        echo "Hinge's menu entry is removed; $exec_path itself is left as it is."
    elif [ "$removed" = yes ]; then
        echo "Hinge is uninstalled. Your training log, if you have one, stays in $data_home/Hinge."
    else
        echo "Hinge was not installed here; nothing to remove."
    fi
    exit 0
fi

if [ -z "$exec_path" ]; then
    if [ ! -x "$bundle/hinge-desktop" ]; then
        echo "install.sh: no Hinge bundle at $bundle; use --exec COMMAND" >&2
        exit 1
    fi
    rm -rf "$lib_dir.new"
    mkdir -p "$(dirname "$lib_dir")" "$bin_dir"
    cp -R "$bundle" "$lib_dir.new"
    rm -rf "$lib_dir"
    mv "$lib_dir.new" "$lib_dir"
    exec_path=$lib_dir/hinge-desktop
    if [ -e "$bin_link" ] && ! link_is_ours; then
        echo "Note: $bin_link is another Hinge install; it is left as it is." >&2
    else
        ln -sfn "$exec_path" "$bin_link"
        linked=yes
    fi
fi

case "$exec_path" in
    /*) ;;
    *) echo "install.sh: --exec needs an absolute path, not $exec_path" >&2; exit 2 ;;
esac
case "$exec_path" in
    *[\"\`\$\\%]*)
        echo "install.sh: cannot write a menu entry for a path with \", \`, \$, \\ or %: $exec_path" >&2
        exit 2 ;;
esac
if [ ! -x "$exec_path" ]; then
    echo "install.sh: $exec_path is not a program" >&2
    exit 1
fi
# Exec takes the path in double quotes, so that spaces and other reserved characters are safe;
# TryExec takes it as it is. In sed's replacement, | and & are escaped.
sed_path=$(printf '%s\n' "$exec_path" | sed 's/[|&]/\\&/g')

for f in $files; do
    mkdir -p "$(dirname "$data_home/$f")"
    case "$f" in
        applications/*.desktop)
            sed -e "s|^Exec=hinge-desktop|Exec=\"$sed_path\"|" \
                -e "s|^TryExec=hinge-desktop|TryExec=$sed_path|" \
                "$share/$f" > "$data_home/$f.new"
            mv "$data_home/$f.new" "$data_home/$f" ;;
        *)
            cp "$share/$f" "$data_home/$f.new"
            mv "$data_home/$f.new" "$data_home/$f" ;;
    esac
done
refresh_caches
echo "Hinge is in your application menu; it starts $exec_path."
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) if [ "$linked" = yes ]; then
           echo "The command hinge-desktop is in $bin_dir, which is not on your PATH yet; on most systems it is after you log in again."
       fi ;;
esac
