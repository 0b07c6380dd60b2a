"""fulian-desk（妇联绩效自评填报系统）: the application package."""

__version__ = "0.1.0"
APP_NAME = "fulian-desk"
APP_TITLE = "妇联绩效自评填报系统"
