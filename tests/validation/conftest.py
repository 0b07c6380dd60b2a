"""Fixtures of the validation tests: a clean hand-built report in each outline."""

import pytest

from desktop.domain.model import Outline

from .builders import clean_report


@pytest.fixture
def report():
    return clean_report(Outline.SICHUAN)


@pytest.fixture
def gd_report():
    return clean_report(Outline.GUANGDONG)
