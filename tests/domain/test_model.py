"""The report's dataclasses: derived staffing total, lookups by key, fresh keys."""

from desktop.domain.model import Establishment, new_key


def test_seed_000_establishment(seed_000):
    establishment = seed_000.profile.establishment
    assert establishment == Establishment(administrative=4, political_legal=0, worker=0)
    assert establishment.total == 4
    assert seed_000.profile.actual_staff == 3


def test_lookups_by_key(seed_000):
    assert seed_000.task("t05").title == "多措并举，促进女性就业创业"
    assert seed_000.project("p3").name == "贫困母亲救助"
    assert seed_000.task("nope") is None and seed_000.task(None) is None
    assert seed_000.project(None) is None


def test_new_keys_differ():
    keys = {new_key() for _ in range(1000)}
    assert len(keys) == 1000 and all(len(k) == 12 for k in keys)
