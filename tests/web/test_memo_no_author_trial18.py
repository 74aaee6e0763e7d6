"""A memo without an author (a QualCoder project's memo, imported without an owner) shows in the memo panel
without "by ?" (trial18: "oleh ?" on the Indonesian page); a memo with an author still names it."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import update
from web_helpers import CHROMIUM, SOURCE, workbench_page

import makna
from makna.store import tables

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_a_memo_without_an_author_names_nobody(browser: Any, sample_location: str) -> None:
    with makna.open_project(sample_location, coder="tester") as proj:
        anonymous = makna.add_memo(proj, "source", SOURCE, "Catatan dari QualCoder", title="QualCoder source memo")
        makna.add_memo(proj, "source", SOURCE, "Catatan Ratna")
        with proj.store.write(proj.actor, "test.memo.anonymous", {}) as conn:  # as the import leaves it
            conn.execute(update(tables.memos).where(tables.memos.c.id == anonymous.id).values(coder_id=None))
        sid = makna.get_source(proj, SOURCE).id
    with workbench_page(browser, sample_location) as (page, url):
        page.goto(f"{url}/sources/{sid}")
        page.wait_for_selector(f'#memo-list li[data-id="{anonymous.id}"]')
        head = page.locator(f'#memo-list li[data-id="{anonymous.id}"] .memo-head').inner_text()
        assert "?" not in head and " by " not in head, head
        others = page.locator(f'#memo-list li:not([data-id="{anonymous.id}"]) .memo-head').first.inner_text()
        assert "by tester" in others, others
