#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine to run or test the console:
# the Debian libraries QtWebEngine needs, then the virtual environment in .venv.
# Safe to run again: it only installs what is missing.
#   scripts/bootstrap.sh           libraries for running the console
#   scripts/bootstrap.sh --tests   also PostgreSQL's server, which the tests start privately
#   scripts/bootstrap.sh --xvfb    also Xvfb and tools for screenshots
set -euo pipefail
cd "$(dirname "$0")/.."

# QtWebEngine's runtime libraries (offscreen and in a window), a font with Vietnamese glyphs.
DEB_PACKAGES=(
  libegl1 libgl1 libx11-6 libxcomposite1 libxdamage1 libxext6 libxfixes3 libxrandr2
  libxtst6 libasound2 libbrotli1 libdbus-1-3 libfontconfig1 libfreetype6 libgbm1
  libglib2.0-0 libnspr4 libnss3 libxcb-dri3-0 libxcb1 libxkbcommon0 libxkbfile1
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 fonts-noto-core fonts-dejavu-core
  python3-venv
)
for arg in "$@"; do
  case $arg in
    --tests) DEB_PACKAGES+=(postgresql) ;;  # the tests start a private PostgreSQL cluster
    --xvfb) DEB_PACKAGES+=(xvfb xauth imagemagick poppler-utils) ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "These Debian packages are missing. Install them, then run the command again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PY=${PYTHON:-python3}
stamp=.venv/.installed
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
