"""The relational schema as typed SQLAlchemy models; Alembic migrations create it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The schema's declarative base, with constraint names fixed so migrations can name them."""

    metadata = MetaData(naming_convention=NAMING)


class EntryRow(Base):
    """One reflection. Times are naive UTC plus the writer's offset in minutes east of UTC.

    `tag_list` repeats the entry's tags, space-separated, so the full-text index and the
    list views need no join; `entry_tags` is the relation used for filtering and counts.
    """

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_offset: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_offset: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tag_list: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(20), default="note", server_default="note")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # Whitespace-separated words of the body, kept by triggers (migration 0004).
    words: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (
        Index("ix_entries_timeline", "day", "created_at", "id"),
        Index("ix_entries_trash", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
        Index("ix_entries_private", "id", sqlite_where=text("private = 1")),
        Index("ix_entries_words", "day", "words", sqlite_where=text("deleted_at IS NULL")),
    )


class TagRow(Base):
    """A tag name, unique without regard to case; the first spelling is kept."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)


class EntryTagRow(Base):
    """Which tags an entry has: one row per entry and tag."""

    __tablename__ = "entry_tags"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_entry_tags_tag_entry", "tag_id", "entry_id"),)


class TeamOutboxRow(Base):
    """A share or unshare waiting to be sent to a team (see journal.storage.outbox)."""

    __tablename__ = "team_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team: Mapped[str] = mapped_column(String(100))
    entry_uid: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(10))  # 'share' or 'unshare'
    payload: Mapped[str] = mapped_column(Text, server_default="")  # JSON, filtered
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, server_default="")
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (Index("ix_team_outbox_team", "team", "id"),)


class TeamSharedRow(Base):
    """An entry whose copy a team's server committed, with the snapshot's fingerprint
    (migration 0008): the reader's "Shared in", and the offer to update after an edit."""

    __tablename__ = "team_shared"

    entry_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    team: Mapped[str] = mapped_column(String(100), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    shared_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = ({"sqlite_with_rowid": False},)


class AttachmentRow(Base):
    """An image kept inside the journal (migration 0007), re-encoded on the way in so it
    carries no metadata; keyed by the SHA-256 of `data`, so one image is stored once."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    mime: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


entries = EntryRow.__table__
tags = TagRow.__table__
entry_tags = EntryTagRow.__table__
attachments = AttachmentRow.__table__

# The full-text index over entries. SQLite-only: kept in step by triggers, created in the
# migrations and checked by `fts_problems`. A PostgreSQL mode would use tsvector instead.
FTS_TABLE = "entries_fts"
FTS_TRIGGERS = ("entries_fts_ai", "entries_fts_ad", "entries_fts_au")
