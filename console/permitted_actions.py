"""Menu items and shortcuts enabled for what the signed-in person may do.

Every item that does something states the permissions it needs when it is added:

    menus.permitted.add(action, Permission.OPERATE_DEVICE)

and `user_changed` enables each for the person signed in (none signed in: all off). A disabled
QAction or QShortcut does nothing when its keys are pressed, so a viewer's F2 is as grey as
the menu item. The services check the role all the same: this only spares a pointless trip.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMenu

from ops.access.roles import Permission, User, can


class Toggle(Protocol):
    """A QAction or a QShortcut."""

    def setEnabled(self, enabled: bool, /) -> None: ...

    def isEnabled(self) -> bool: ...


class PermittedActions:
    """The window's guarded items with the permissions each needs; menus whose items are all
    disabled are greyed themselves."""

    def __init__(self) -> None:
        self._items: list[tuple[Toggle, frozenset[Permission]]] = []
        self._menus: list[QMenu] = []
        self._user: User | None = None

    def add(self, item: Toggle, *needs: Permission) -> None:
        """Guard `item`: enabled when someone is signed in whose role has every one of `needs`
        (none: anyone signed in). Enabled or not at once, for the present user."""
        self._items.append((item, frozenset(needs)))
        item.setEnabled(self.allows(self._user, needs))
        self._update_menus()

    def add_menu(self, menu: QMenu) -> None:
        """Grey `menu` itself while none of its items is enabled."""
        self._menus.append(menu)
        self._update_menus()

    def needs(self, item: Toggle) -> frozenset[Permission]:
        """What `item` was added with."""
        return next(needs for guarded, needs in self._items if guarded is item)

    @staticmethod
    def allows(user: User | None, needs: tuple[Permission, ...] | frozenset[Permission]) -> bool:
        return user is not None and user.active and all(can(user, p) for p in needs)

    def user_changed(self, user: User | None) -> None:
        self._user = user
        for item, needs in self._items:
            item.setEnabled(self.allows(user, needs))
        self._update_menus()

    def _update_menus(self) -> None:
        for menu in self._menus:
            items = [a for a in menu.actions() if not a.isSeparator()]
            menu.menuAction().setEnabled(any(a.isEnabled() for a in items))
