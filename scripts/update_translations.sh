#!/usr/bin/env bash
# Refreshes the Vietnamese translation source from the console's code, then compiles it.
# Edit the translations in resources/translations/console_vi.ts (Qt Linguist or a text editor).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate -no-obsolete -locations none $(find console -name "*.py" | sort) -ts resources/translations/console_vi.ts
.venv/bin/pyside6-lrelease resources/translations/console_vi.ts -qm resources/translations/console_vi.qm
