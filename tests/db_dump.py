"""Every row of every table of a database (SQLite file or server), to compare before and after."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from desktop.storage.server import is_server_locator, parse_server_url


def dump(locator) -> dict[str, list[tuple]]:
    """The database's whole content, table by table, rows in order; read as it is (never migrated)."""
    if is_server_locator(locator):
        url = parse_server_url(str(locator)).sqlalchemy_url()
    else:
        url = f"sqlite:///{locator}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {t: sorted(tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        engine.dispose()
