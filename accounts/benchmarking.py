"""Shared pieces of the benchmark commands (bench_tree, bench_dashboard): a union-sized tree
built quickly inside a transaction the command rolls back, and a median timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from .models import Organization, OrganizationKind


class Rollback(Exception):
    """Raised at the end of a benchmark's transaction so nothing it built is kept."""


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median milliseconds of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


@dataclass
class UnionTree:
    root: Organization
    regions: list[Organization]
    districts: list[Organization]
    total: int


def build_union_tree(total: int = 10_000) -> UnionTree:
    """Central Committee → 20 regions → 10 districts each → primary organizations, about `total`
    in all. Primaries are bulk-inserted with the paths treebeard would give them."""
    root = Organization.objects.add_root(
        {"name_kk": "ОК", "name_ru": "ЦК", "kind": OrganizationKind.OTHER}
    )
    regions, districts = [], []
    for r in range(20):
        region = Organization.objects.add_child(
            Organization.objects.get(pk=root.pk),
            {"name_kk": f"Облыс {r}", "name_ru": f"Область {r}", "kind": "regional"},
        )
        regions.append(region)
        for d in range(10):
            districts.append(
                Organization.objects.add_child(
                    Organization.objects.get(pk=region.pk),
                    {"name_kk": f"Аудан {d}", "name_ru": f"Район {d}", "kind": "city_district"},
                )
            )
    built = 1 + len(regions) + len(districts)
    per_district = max(1, (total - built) // len(districts))
    rows = [
        Organization(
            path=district.path + Organization._get_path(None, 1, i + 1),
            depth=district.depth + 1,
            numchild=0,
            kind="primary",
            name_kk=f"Бастауыш {district.path}{i}",
            name_ru=f"Первичная {district.path}{i}",
        )
        for district in districts
        for i in range(per_district)
    ]
    Organization.objects.bulk_create(rows, batch_size=2000)
    Organization.objects.filter(pk__in=[d.pk for d in districts]).update(numchild=per_district)
    return UnionTree(root, regions, districts, built + len(rows))
