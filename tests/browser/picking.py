"""Choosing in a search picker (accounts/picking.py) from a browser test: type, wait for the
search's answer, click the option. A search answered while the field still showed its quick
choices, or lost on a loaded machine, is asked again (at most three times): a picker that never
offers the option still fails the test."""

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def pick(page, field_id: str, text: str, option: str) -> None:
    box = page.locator(f"#{field_id}")
    choice = page.locator(f"#{field_id}_listbox").get_by_role("option", name=option)
    for attempt in range(3):
        box.fill("")
        box.fill(text)
        try:
            choice.wait_for(state="visible", timeout=8_000)
            choice.click()
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
