"""A paginator that never counts the whole union (issue 14 point 2).

`Paginator.count` runs an exact COUNT(*) over the filtered list: over a million publications
that is the slowest query of the page. `CappedPaginator` counts at most the rows it needs —
`qs[:limit + 1].count()`, a `LIMIT` subquery PostgreSQL stops reading early — where `limit` is
10,000 or, for a deeper page, the rows up to that page. Beyond it the page says "more than
10,000" (templates/_pagination_links.html) and the "Next" link keeps working page by page.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

CAP = 10_000
MAX_PAGE = 100_000  # a page number beyond this is treated as this one


class CappedPaginator(Paginator):
    def __init__(
        self, object_list: Any, per_page: int, cap: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap or CAP
        self.limit = self.cap

    def _aim(self, number: Any) -> None:
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        wanted = max(1, min(wanted, MAX_PAGE))
        self.limit = max(self.cap, wanted * self.per_page)
        self.__dict__.pop("count", None)
        self.__dict__.pop("num_pages", None)

    def get_page(self, number: Any):
        self._aim(number)
        return super().get_page(number)

    def page(self, number: Any):
        if "count" not in self.__dict__:
            self._aim(number)
        return super().page(number)

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if isinstance(rows, QuerySet):
            # Any `limit + 1` rows tell "more than limit": no ORDER BY, so PostgreSQL stops
            # reading at the first rows it finds instead of walking the sort order.
            rows = rows.order_by()
            if not rows.query.distinct:
                rows = rows.values("pk")
            return rows[: self.limit + 1].count()
        return len(rows[: self.limit + 1])

    @property
    def capped(self) -> bool:
        """True when there are more rows than were counted: the total is "more than limit"."""
        return self.count > self.limit
