"""No part of the window hides a Qt method under one of its own attributes (as DetailPane.style,
MainWindow.actions and BasketPanel.move once did: Qt, or the next engineer, calling them got something else)."""

from PySide6.QtCore import QObject, Signal

# Qt's virtual functions, meant to be overridden.
OVERRIDES = {
    "event", "eventFilter", "paintEvent", "keyPressEvent", "mousePressEvent", "mouseMoveEvent", "mouseReleaseEvent",
    "mouseDoubleClickEvent", "wheelEvent", "resizeEvent", "changeEvent", "closeEvent", "sizeHint", "minimumSizeHint",
    "data", "index", "parent", "rowCount", "columnCount", "headerData", "flags", "filterAcceptsRow", "paint",
    "loadResource", "sort", "setData", "lessThan", "showEvent", "hideEvent", "focusInEvent", "focusOutEvent",
    "updateGeometries",
}


def test_no_widget_hides_a_qt_method(window):
    seen = set()
    for obj in [window, *window.findChildren(QObject)]:
        cls = type(obj)
        if not cls.__module__.startswith("gui.") or cls in seen:
            continue
        seen.add(cls)
        qt = next(base for base in cls.__mro__ if base.__module__.startswith("PySide6"))
        own = {name for k in cls.__mro__ if k.__module__.startswith("gui.") for name, value in vars(k).items()
               if not isinstance(value, Signal)}
        own |= {name for name, value in vars(obj).items() if not isinstance(value, Signal)}
        hidden = sorted(name for name in own - OVERRIDES
                        if not name.startswith("__") and callable(getattr(qt, name, None)))
        assert not hidden, f"{cls.__name__} hides {qt.__name__}'s {', '.join(hidden)}"
    assert len(seen) > 10
