"""The Reports menu's dialogs and the A4 printing of report documents."""
