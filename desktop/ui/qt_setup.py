"""Application-wide Qt setup: Chinese for Qt's own dialogs and a font that shows Chinese everywhere."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, APP_TITLE, __version__
from ..paths import resources_dir

# Faces a Windows PC has for Chinese UI text, best first; the bundled face is the fallback.
PREFERRED_UI_FACES = ("Microsoft YaHei UI", "Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans CJK SC")
BUNDLED_FONT = "fonts/wqy-microhei.ttc"


def install_chinese_translation(app: QApplication) -> bool:
    """Load qtbase_zh_CN so that QMessageBox, QFileDialog … say 确定/取消, not OK/Cancel."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return False
    app.installTranslator(translator)
    app._fulian_translator = translator  # keep a reference: a collected translator stops translating
    return True


def choose_ui_font() -> str | None:
    """The family for UI text: a system Chinese face when present, else the bundled font."""
    families = set(QFontDatabase.families())
    for face in PREFERRED_UI_FACES:
        if face in families:
            return face
    bundled = resources_dir() / BUNDLED_FONT
    if bundled.exists():
        font_id = QFontDatabase.addApplicationFont(str(bundled))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if loaded:
            return loaded[0]
    return None


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    install_chinese_translation(app)
    family = choose_ui_font()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
