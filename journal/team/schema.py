"""The team database's one table, as SQLAlchemy Core (its Alembic revisions create it).

`author` is the PostgreSQL role that shared the entry (`current_user` by default); row-level
security lets a person write only rows whose author is themselves and read everyone's.
`search` is a generated `tsvector` over title, tags and body with a GIN index.
"""

from __future__ import annotations

from sqlalchemy import Column, Computed, Date, DateTime, Index, MetaData, Table, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

TS_CONFIG = "english"  # PostgreSQL's text search configuration: stems English words
VERSION_TABLE = "daybook_team_version"  # Alembic's table, named apart from other apps'
TAG_TEXT = "daybook_tag_text"  # an immutable text of the tags, for the generated column

SEARCH_EXPR = (
    f"setweight(to_tsvector('{TS_CONFIG}', title), 'A') || "
    f"setweight(to_tsvector('{TS_CONFIG}', {TAG_TEXT}(tags)), 'B') || "
    f"to_tsvector('{TS_CONFIG}', body)"
)

metadata = MetaData()

team_entries = Table(
    "team_entries",
    metadata,
    Column("author", Text, primary_key=True, server_default=text("CURRENT_USER")),
    Column("uid", Text, primary_key=True),
    Column("day", Date, nullable=False),
    Column("title", Text, nullable=False, server_default=""),
    Column("body", Text, nullable=False),
    Column("tags", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column("shared_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    Column("search", TSVECTOR, Computed(SEARCH_EXPR, persisted=True)),
    Index("ix_team_entries_search", "search", postgresql_using="gin"),
    Index("ix_team_entries_timeline", "day", "shared_at"),
)

# Row-level security: the policies the first revision creates (documented in the README).
POLICIES = {
    "team_read": "FOR SELECT USING (true)",
    "team_insert": "FOR INSERT WITH CHECK (author = CURRENT_USER)",
    "team_update": "FOR UPDATE USING (author = CURRENT_USER) WITH CHECK (author = CURRENT_USER)",
    "team_delete": "FOR DELETE USING (author = CURRENT_USER)",
}
