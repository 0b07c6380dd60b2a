"""Alembic environment for the fulian-desk database (SQLite, batch mode for its copy-and-rename ALTER).

The program runs migrations through desktop.storage.migrations, which hands over an open connection
already inside a transaction (config.attributes["connection"]). From a terminal, for writing a new
revision: `alembic -c db/alembic.ini -x db=path/to/fulian.db revision --autogenerate -m "…"`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import context

from desktop.storage.engine import make_engine
from desktop.storage.schema import metadata

config = context.config
if config.config_file_name and "connection" not in config.attributes:
    # Terminal use only. Imported here: this file is data in the frozen build, so a module only it
    # imports would not be bundled.
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place; batch rebuilds the table
        transactional_ddl=True,  # SQLite does roll DDL back; the whole upgrade is one transaction
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    """`alembic upgrade --sql`: print the SQL instead of running it."""
    _configure(url="sqlite://", literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("请用 -x db=数据库文件路径 指定数据库")
    engine = make_engine(Path(db))
    try:
        with engine.connect() as connection:
            raw = connection.connection.driver_connection  # see migrations._run_upgrade
            raw.execute("PRAGMA foreign_keys = OFF")
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
            raw.execute("PRAGMA foreign_keys = ON")
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
