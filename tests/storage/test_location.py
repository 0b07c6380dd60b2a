"""The network-share check as a pure function of the path text."""

from __future__ import annotations

import pytest

from desktop.storage.location import is_unc_path


@pytest.mark.parametrize(
    "text",
    [
        r"\\server\share\fulian.db",
        r"\\192.168.1.10\妇联\数据\fulian.db",
        "//nas/share/fulian.db",
        r"\\?\UNC\server\share\fulian.db",
        r"  \\server\share\fulian.db",
    ],
)
def test_unc_paths_are_network_paths(text):
    assert is_unc_path(text) is True


@pytest.mark.parametrize(
    "text",
    [
        r"C:\Users\clerk\AppData\Local\fulian-desk\fulian.db",
        r"D:\妇联\fulian.db",
        r"\\?\C:\very\long\path\fulian.db",  # Win32 long-path prefix: still the local disk
        r"\\.\C:\fulian.db",
        "/home/clerk/.local/share/fulian-desk/fulian.db",
        "fulian.db",
        r"\single\backslash\fulian.db",
    ],
)
def test_local_paths_are_not(text):
    assert is_unc_path(text) is False
