#!/usr/bin/env python3
"""Make docs/screenshot-main.png: the main window on a journal of realistic reflections.

Builds a throw-away journal (about 40 end-of-day entries) in a temporary folder, opens the
main window offscreen at 1280x800, selects an entry and saves the picture. Run from the
repository root:  python tools/screenshot.py [--dark] [--out PATH] [--search WORDS]
[--size WIDTHxHEIGHT] [--edit]  (--dark, --prompt, --insights, --export and --empty
make docs/screenshot-dark.png, -prompt, -insights, -export and -empty.png; --team
docs/screenshot-team.png, the Team view with two people's shared reflections on a throwaway
PostgreSQL cluster, which needs Debian's `postgresql`; --size 900x640 --out
docs/screenshot-narrow.png the narrow window; QT_SCALE_FACTOR=2 in the environment checks
them at 2x)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

END = dt.date(2026, 11, 25)

# (title, tags, private, body); one per working day going back from END.
# fmt: off
ENTRIES: list[tuple[str, tuple[str, ...], bool, str]] = [
    ("The flaky checkout test was a clock problem", ("testing", "learning"), False, """\
## What I worked on
Chased the `test_checkout_expiry` failure that has been red one run in twenty since October.
It only failed on CI runners in the late afternoon.

## What I learned
The fixture built "now" with `datetime.now()` while the code under test used UTC, so for the
hour around midnight UTC the cart expired *before* it was created. Freezing time with one
injected clock fixed it, and made three other tests faster.

## What next
- Write up the pattern for the testing guild (#shared)
- Grep for other `datetime.now()` calls in fixtures"""),
    ("Pairing with Priya on the import pipeline", ("pairing", "mentoring"), False, """\
## What I worked on
Two hours pairing with Priya on the CSV importer. She drove; I mostly asked questions.

## What I learned
Letting her drive was slower today and much faster for the team: she found the encoding bug
herself, and now she owns that code. I talked too much in the first half hour.

## What next
Ask her to lead Thursday's review of the importer changes."""),
    ("Incident review: the 14:05 queue backlog", ("incident", "postmortem"), False, """\
## What I worked on
Wrote the timeline for Tuesday's backlog: a config push doubled the consumer's batch size,
memory went over the limit and pods restarted in a loop for 40 minutes.

## What I learned
Our alert fired after 25 minutes because it watched queue *length*, not *age of the oldest
message*. Age is what users feel.

```private
The config push was mine. Nobody named me in the review, which was the right call; I told
Marco myself afterwards and it was a relief.
```

## What next
- Proposal: alert on oldest-message age, page at 5 minutes
- Add batch size to the config validation"""),
    ("Small win: dashboard loads in 1.2 s", ("performance",), False, """\
## What I worked on
The team dashboard went from 6 s to 1.2 s. Two N+1 queries in the widget loader and one
missing index on `events(team_id, created_at)`.

## What I learned
`EXPLAIN QUERY PLAN` first, guesses second. I was sure it was the JSON serialisation.

## What next
Add a query-count assertion to the dashboard test so it cannot regress quietly."""),
    ("Reading: Accelerate, chapter 4", ("reading", "learning"), False, """\
## What I worked on
Lunch-time reading: *Accelerate*, the chapter on technical practices.

## What I learned
Trunk-based development correlates with delivery performance only together with good test
automation; on its own it mostly moves the pain. That matches our experience in Q2.

## What next
Bring the chart to Friday's retro; ask whether our branches live longer than a day."""),
    ("Design doc: retry policy for the payments client", ("design", "payments"), False, """\
## What I worked on
First draft of the retry design. Current client retries everything three times, including
non-idempotent POSTs.

## What I learned
Stripe's and AWS's guidance agree: idempotency keys first, then exponential backoff with
jitter. Retries without keys are how we double-charged in March.

## What next
Review with Marco tomorrow; list every call site that would need a key."""),
    ("A hard day", ("focus",), True, """\
Nothing shipped. Six meetings, three of which could have been a paragraph in a doc.

## What I learned
I said yes to every invite this week. Blocking two mornings for focus time is not selfish,
it is the job.

## What next
Decline the optional syncs; put *focus* blocks in the calendar for Tue and Thu."""),
    ("Migrated the billing service to Postgres 16", ("database", "migration"), False, """\
## What I worked on
Ran the Postgres 16 upgrade on billing with logical replication; cut-over took 90 seconds.

## What I learned
Rehearsing the cut-over twice on a copy found the one sequence we forgot to sync. The
checklist is now in the wiki: [upgrade checklist](https://wiki.example.com/pg-upgrade).

## What next
Same procedure for the reporting database next sprint."""),
    ("Workshop notes: Cynefin for incident response", ("workshop", "learning"), False, """\
## What I worked on
Half-day workshop on sense-making during incidents.

## What I learned
In a *chaotic* situation you act first (stabilise), then sense. We tend to open a doc and
analyse while the fire is burning. Probe-sense-respond fits the complex cases: small,
safe-to-fail experiments instead of a big fix.

## What next
Share the one-page summary in #sre-learning."""),
    ("Onboarding Jonas", ("mentoring", "onboarding"), False, """\
## What I worked on
First day for Jonas. Walked him through the architecture on the whiteboard and got his dev
environment running (took 3 hours: too long).

## What I learned
Our setup script assumes a Mac and a VPN that new hires do not have yet.

## What next
Fix the two setup-script failures Jonas hit; ask him to keep a "confusing things" list."""),
    ("Cache invalidation, again", ("caching", "debugging"), False, """\
## What I worked on
Stale prices on product pages after an update. The CDN purge ran before the database
commit was visible to the read replica.

## What I learned
Purge after the replica catches up, or version the URL. Versioned URLs are boring and
correct.

## What next
Switch price fragments to versioned URLs; remove the purge job."""),
    ("Feedback from my 1:1", ("feedback", "career"), True, """\
Anna's feedback: my reviews are thorough but arrive late, and people wait on me.

## What I learned
A fast "looks right, one question" is worth more than a perfect review tomorrow.

## What next
Review before lunch and before leaving, 30 minutes each; track for two weeks."""),
    ("Shipped the export feature", ("shipped",), False, """\
## What I worked on
The CSV and JSON export went live for all teams behind a flag, then to everyone.

## What I learned
Writing the user docs *before* the last polish found two confusing option names.

## What next
Watch the error rate for a week; write the announcement for the changelog."""),
    ("Why the probe failed", ("experiment",), False, """\
## What I worked on
Our experiment with smaller PRs (max 200 lines) ended. Lead time did not improve.

## What I learned
The bottleneck was review *pickup* time, not review length. We measured the wrong step.

## What next
Try a review rota for two weeks and measure time-to-first-review."""),
    ("Notes from the architecture guild", ("architecture", "meeting"), False, """\
## What I worked on
Presented our event-schema versioning approach to the guild.

## What I learned
Two teams solved the same problem differently; the registry-based approach handles
consumers we do not know about, ours does not.

## What next
Read the registry team's ADR and see whether we can adopt it."""),
    ("Rust ownership finally clicked", ("rust", "learning"), False, """\
## What I worked on
Evening practice: rewrote the log parser from the Python tool in Rust.

## What I learned
Thinking "who is allowed to change this, and until when" instead of fighting the borrow
checker made the lifetimes obvious. `&str` slices into the line buffer, no clones.

## What next
Benchmark it against the Python version on last week's logs."""),
    ("Estimating the search project", ("planning",), False, """\
## What I worked on
Broke the search project into 14 tasks with Marco and Lea.

## What I learned
Ranges ("3 to 8 days") start better conversations than single numbers, and the wide ones
point at where we need a spike.

## What next
Spike on the tokenizer for German compound words."""),
    ("Deploy pipeline: 40 minutes to 12", ("ci", "performance"), False, """\
## What I worked on
Parallelised the integration tests and cached the Docker layers in the pipeline.

## What I learned
The slowest step was pulling the same 2 GB image in five jobs. Measure before optimising:
I had planned to rewrite the test runner.

## What next
Remove the now-unused nightly full run."""),
    ("Tomorrow", ("planning",), False, """\
Short one. Tomorrow: finish the retry design review, answer Lea about the tokenizer, and
leave at five."""),
    ("Postmortem culture", ("incident", "culture"), False, """\
## What I worked on
Facilitated the postmortem for last week's login outage.

## What I learned
Asking "what made this the reasonable thing to do at the time?" changed the tone of the
room. Nobody was defending themselves by the end.

## What next
Add the question to the postmortem template."""),
    ("Learning SQL window functions", ("database", "learning"), False, """\
## What I worked on
Rewrote the retention report with window functions instead of three self-joins.

## What I learned
`LAG()` over a partition by user made the "days since last visit" column one line.

## What next
Show the before/after at the data lunch."""),
    ("Mentoring session with Jonas", ("mentoring",), False, """\
## What I worked on
Weekly session with Jonas: we read through an old incident together.

## What I learned
He asks "why" more than I did at his stage. I should give him the hard tickets sooner.

## What next
Give Jonas the rate-limiter bug."""),
    ("Accessibility review of the settings page", ("accessibility", "frontend"), False, """\
## What I worked on
Tested the new settings page with a screen reader for the first time.

## What I learned
Four of the toggles had no accessible name at all; the reader said "button, button". Ten
minutes with a screen reader beats an hour of reading guidelines.

## What next
Add an accessibility check to the component tests."""),
    ("Good conversation with the support team", ("feedback", "customers"), False, """\
## What I worked on
Sat with support for an afternoon and listened to calls.

## What I learned
The most common complaint is not a bug: people cannot find the export button.

## What next
Share the list of top five questions with product."""),
    ("Refactoring the notification service", ("refactoring",), False, """\
## What I worked on
Split the 1,900-line `notify.py` into channels, templates and delivery.

## What I learned
Characterisation tests first: they caught two behaviours nobody knew we relied on.

## What next
Delete the old email retry code path once the new one has run a week."""),
    ("Conference talk accepted", ("career", "shared"), False, """\
The talk on our incident-review practice was accepted for the spring conference!

## What next
Outline by the end of the month; ask the team which stories I may tell."""),
    ("Kubernetes resource limits", ("kubernetes", "learning"), False, """\
## What I worked on
Tuned the memory limits for the API pods after the OOM kills.

## What I learned
Requests decide scheduling, limits decide when you die. We had them the wrong way round
for the worker pods.

## What next
Document sane defaults in the service template."""),
    ("Sprint retro", ("meeting", "team"), False, """\
## What I worked on
Retro for sprint 42.

## What I learned
We keep carrying over the same two tickets; both depend on another team. Visible
dependencies would have helped in planning.

## What next
Add a "blocked by" column to the board."""),
    ("First look at OpenTelemetry", ("observability",), False, """\
## What I worked on
Added tracing to the checkout flow with OpenTelemetry.

## What I learned
One trace showed the payment call waiting 300 ms on a DNS lookup. Logs never showed it.

## What next
Propose tracing for the whole request path; check the collector's cost."""),
    ("Rough week", ("focus",), True, """\
Tired. Too much context switching between the migration and on-call.

## What next
Hand over on-call for Friday; say no to the new request until the migration is done."""),
    ("Code review guidelines draft", ("reviews", "team"), False, """\
## What I worked on
Drafted review guidelines with the team.

## What I learned
Labelling comments as *nit*, *question* or *blocking* removes most of the friction.

## What next
Try the labels for two weeks and ask how it felt."""),
    ("Shipped dark mode", ("shipped", "frontend"), False, """\
## What I worked on
Dark mode for the web app went out today.

## What I learned
Deriving every colour from a few tokens made it a two-day job instead of two weeks.

## What next
Fix the two charts that still use hard-coded colours."""),
    ("Load test results", ("performance", "experiment"), False, """\
## What I worked on
Ran the load test against the new search API: 800 requests/s at p99 180 ms.

## What I learned
The first bottleneck is the connection pool size, not the CPU.

## What next
Raise the pool size and run again; write down the numbers."""),
    ("Backlog grooming with product", ("planning", "meeting"), False, """\
## What I worked on
Grooming session with Sofia.

## What I learned
Asking "what would we stop doing?" made the priorities clearer than any scoring model.

## What next
Close the 30 tickets older than a year."""),
    ("Documentation day", ("documentation",), False, """\
## What I worked on
Spent the day on the runbooks for the payments service.

## What I learned
Writing each runbook step as a command to copy (not a description) halves the time on-call
needs at 3 a.m.

## What next
Ask Jonas to follow the runbook on staging and note where he gets stuck."""),
    ("Pairing on the rate limiter", ("pairing", "mentoring"), False, """\
## What I worked on
Paired with Jonas on the rate-limiter bug.

## What I learned
The token bucket refilled from wall-clock time, so an NTP step gave everyone a burst.
Monotonic clocks for durations, always.

## What next
Jonas writes the fix and the test; I review."""),
    ("Kick-off: search project", ("planning", "search"), False, """\
## What I worked on
Kick-off for the new search. Agreed on the scope: titles and bodies, no attachments yet.

## What I learned
Saying out loud what we will *not* build made the estimate conversation easy.

## What next
Set up the spike repository."""),
    ("Reading: The Manager's Path", ("reading", "career"), False, """\
## What I worked on
Finished the chapter on tech leads.

## What I learned
A tech lead's job is to make the team effective, not to write the most code.

## What next
Keep one day a week free of my own tickets."""),
    ("Onboarding checklist rewrite", ("onboarding", "documentation"), False, """\
## What I worked on
Rewrote the onboarding checklist from Jonas's "confusing things" list.

## What I learned
New people see the gaps we stopped noticing. Their first week is our best documentation
review.

## What next
Ask every new hire for the same list."""),
    ("Why I keep this journal", ("meta",), False, """\
Started writing a few lines at the end of each day. The point: work is learning, and
learning that stays implicit is lost.

## What next
Write something every day for a month, even if it is one sentence."""),
]
# fmt: on


def build_journal(home: Path) -> None:
    from journal.paths import AppPaths
    from journal.services.journal import Journal

    day = END
    times = ["17:42", "18:05", "17:20", "18:31", "16:58", "17:47"]
    with Journal.open(AppPaths(home)) as journal:
        for i, (title, tags, private, body) in enumerate(ENTRIES):
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
            hh, mm = map(int, times[i % len(times)].split(":"))
            created = dt.datetime.combine(day, dt.time(hh, mm)).astimezone()
            journal.add(body, title=title, tags=tags, private=private, day=day, created=created)
            day -= dt.timedelta(days=1 if i % 7 != 3 else 2)


def _size(text: str) -> tuple[int, int]:
    """'WIDTHxHEIGHT' as two numbers."""
    width, height = (int(n) for n in text.lower().split("x"))
    return width, height


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", help="where to save it (default: the README's picture of that view, see above)"
    )
    parser.add_argument("--dark", action="store_true", help="use the dark theme")
    parser.add_argument("--search", default="", help="type this into the search field")
    parser.add_argument("--select", type=int, default=0, help="select the n-th entry")
    parser.add_argument("--empty", action="store_true", help="an empty journal")
    parser.add_argument("--language", default="en", help="interface language (en, de)")
    parser.add_argument("--size", default="1280x800", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--edit", action="store_true", help="the selected entry in the editor")
    parser.add_argument(
        "--prompt", action="store_true", help="the end-of-day prompt for the last day instead"
    )
    parser.add_argument(
        "--insights", action="store_true", help="the Insights window instead (heatmap focused)"
    )
    parser.add_argument(
        "--insights-size", default="", help="with --insights: its window's size, WIDTHxHEIGHT"
    )
    parser.add_argument(
        "--export",
        action="store_true",
        help="the export dialog on three selected entries, private ones included, as HTML",
    )
    parser.add_argument(
        "--team", action="store_true", help="the Team view of two people's shared entries"
    )
    args = parser.parse_args()
    args.out = args.out or str(default_out(args))
    insights_size = _size(args.insights_size) if args.insights_size else None

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.app import build_window
    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.settings import Settings
    from journal.ui.common import i18n
    from journal.ui.common.theme import apply_theme

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "Daybook"
        if not args.empty:
            build_journal(home)
        app = QApplication(sys.argv[:1])
        i18n.install(app, args.language)
        settings = Settings(theme="dark" if args.dark else "light")
        apply_theme(app, settings)
        qsettings = QSettings(str(Path(tmp) / "window.ini"), QSettings.Format.IniFormat)
        if args.team:
            out = team_screenshot(app, Path(tmp), settings, qsettings, Path(args.out))
            print(out)
            return 0
        with Journal.open(AppPaths(home)) as journal:
            if args.prompt:
                out = prompt_screenshot(app, journal, settings, Path(args.out))
                print(out)
                return 0
            window = build_window(app, journal, settings, qsettings)
            width, height = (int(n) for n in args.size.lower().split("x"))
            window.resize(width, height)
            window.show()
            app.processEvents()
            window.resize(width, height)  # again, once a narrow window has folded its sidebar
            app.processEvents()
            if args.insights:
                out = insights_screenshot(app, window, Path(args.out), insights_size)
                print(out)
                return 0
            if args.export:
                out = export_screenshot(app, window, Path(args.out))
                print(out)
                return 0
            if args.empty:
                neutral_welcome(window, settings)
            if args.select:
                window.panes.timeline.select_row(0)
                for _ in range(args.select):
                    window.panes.timeline.select_row(
                        window.panes.timeline.step_row(
                            window.panes.timeline.currentIndex().row() + 1, 1
                        )
                    )
            if args.search:
                window.panes.search_bar.field.setText(args.search)
                window.panes.search_bar.flush()
                while window.panes.model.rowCount() and not window.panes.model.searching:
                    app.processEvents()
                window.wait_for_tasks()
                for _ in range(20):
                    app.processEvents()
            window.panes.calendar.setSelectedDate(window.panes.calendar.selectedDate())
            window.panes.timeline.setFocus()
            if args.edit:
                window.ui_actions.edit_action.trigger()
            for _ in range(5):
                app.processEvents()
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(out))
            window.wait_for_tasks()
            window.close()
        print(out)
    return 0


def insights_screenshot(
    app: Any, window: Any, out: Path, size: tuple[int, int] | None = None
) -> Path:
    """View > Insights over the main window (960x560 unless `size`, as --insights-size
    asks), the heatmap's focus ring on the last entry."""
    dialog = window.open_insights()
    dialog.resize(*(size or (960, 560)))  # its usual size, whatever this tool's screen
    dialog.heatmap.setFocus()
    dialog.heatmap.set_current(END)
    for _ in range(10):
        app.processEvents()
    window.wait_for_tasks()
    return save_picture(app, dialog, window, out)


def save_picture(app: Any, dialog: Any, window: Any, out: Path) -> Path:
    """Let `dialog` settle, save its picture to `out`, then close it and the main window."""
    for _ in range(10):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.close()
    window.wait_for_tasks()
    window.close()
    return out


def default_out(args: argparse.Namespace) -> Path:
    """The README's picture of the view asked for: docs/screenshot-VIEW.png, VIEW one of
    prompt, insights, export, empty, team or main, with -dark for the dark theme (the dark main
    window is docs/screenshot-dark.png)."""
    views = ("prompt", "insights", "export", "empty", "team")
    view = next((v for v in views if getattr(args, v, False)), "")
    if not view:
        view = "dark" if args.dark else "main"
    elif args.dark:
        view += "-dark"
    return Path("docs") / f"screenshot-{view}.png"


def neutral_welcome(window: Any, settings: Any) -> None:
    """The welcome page as it looks on a journal in the default data folder (the home
    folder as ~), not in the temporary one this tool uses: where the journal is kept, and
    the first-run card's offer of start on login."""
    from journal.paths import default_home
    from journal.ui.main.first_run import offer_text

    window.panes.empty_state.show_home(default_home())
    window.panes.empty_state.card.offer(offer_text(settings.reminder_times), "")


def export_screenshot(app: Any, window: Any, out: Path) -> Path:
    """File > Export with the three newest entries (the oldest of them holds a private
    block) selected (Ctrl+Shift+E opens on "Selected (3)"), private text included, as HTML."""
    from PySide6.QtCore import QItemSelectionModel

    view = window.panes.timeline
    view.select_row(0)
    rows = [view.currentIndex().row()]
    for _ in range(2):
        rows.append(view.step_row(rows[-1] + 1, 1))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows[1:]:
        view.selectionModel().select(view.model().index(row, 0), flags)
    window.export()
    dialog = window.export_dialog
    dialog.private_check.setChecked(True)
    dialog.set_format("html")
    dialog.resize(1060, 700)
    with_preview = [False]
    dialog.previewReady.connect(lambda: with_preview.__setitem__(0, dialog.is_complete()))
    dialog.refresh()
    while not with_preview[0]:
        app.processEvents()
    return save_picture(app, dialog, window, out)


TEAM_PASSWORD = "team-pw"


def team_screenshot(app: Any, tmp: Path, settings: Any, qsettings: Any, out: Path) -> Path:
    """Two people (priya, sam) share their public reflections with the team "work" on a
    throwaway PostgreSQL cluster, as `daybook share` does; the Team view on priya's side."""
    from PySide6.QtCore import QEventLoop, QTimer

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import psycopg

    from journal.app import build_window
    from journal.paths import AppPaths
    from journal.services.journal import Journal
    from journal.settings import Settings
    from journal.team import sharing
    from journal.team.store import TeamStore
    from tests.team.pgcluster import ADMIN, ADMIN_PASSWORD, Cluster, find_bin

    bindir = find_bin()
    if bindir is None:
        raise SystemExit("screenshot: --team needs PostgreSQL's server binaries (postgresql)")
    cluster = Cluster(bindir)
    cluster.start()
    try:
        with psycopg.connect(cluster.url(ADMIN, "postgres", ADMIN_PASSWORD), autocommit=True) as c:
            c.execute(b"CREATE DATABASE team")
        with TeamStore(cluster.url(ADMIN, "team", ADMIN_PASSWORD)) as store:
            store.setup()
            for who in ("priya", "sam"):
                with store.begin() as conn:
                    conn.exec_driver_sql(f"CREATE ROLE {who} LOGIN PASSWORD '{TEAM_PASSWORD}'")
                store.grant(who)
        os.environ["PGPASSWORD"] = TEAM_PASSWORD
        public = [e for e in ENTRIES if not e[2]][:12]
        day = END
        for i, (title, tags, _private, body) in enumerate(public):
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
            who = ("priya", "sam")[i % 2]
            url = cluster.url(who, "team")
            paths = AppPaths(tmp / who)
            with Journal.open(paths) as journal:
                chosen = Settings.load(paths.settings)
                chosen.extra["teams"] = {"work": {"url": url}}
                chosen.extra["default_team"] = "work"
                chosen.save(paths.settings)
                created = dt.datetime.combine(day, dt.time(17, 30 + i)).astimezone()
                entry = journal.add(body, title=title, tags=tags, day=day, created=created)
                sharing.share(journal, "work", [entry.id])
                sharing.sync(journal, "work", url)
            day -= dt.timedelta(days=1)
        with Journal.open(AppPaths(tmp / "priya")) as journal:
            window = build_window(app, journal, settings, qsettings)
            window.resize(1280, 800)
            window.show()
            view = window.team_controller.open_view()
            view.resize(1100, 760)
            loop = QEventLoop()
            view.pageShown.connect(loop.quit)

            def failed(message: str) -> None:
                print(message)
                loop.quit()

            view.failedShown.connect(failed)
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
            for _ in range(20):
                app.processEvents()
            window.wait_for_tasks(5000)
            for _ in range(10):
                app.processEvents()
            out.parent.mkdir(parents=True, exist_ok=True)
            view.grab().save(str(out))
            view.close()
            window.close()
    finally:
        cluster.destroy()
    return out


def prompt_screenshot(app: Any, journal: Any, settings: Any, out: Path) -> Path:
    """The prompt window for the day after the last entry, with two answers typed."""
    from journal.domain.prompts import DEFAULT_SET
    from journal.services.prompt import PromptService
    from journal.ui.prompt.prompt_window import PromptWindow, prompt_drafts

    day = END + dt.timedelta(days=1)
    clock = dt.datetime.combine(day, dt.time(17, 35)).astimezone()
    service = PromptService(journal, settings, clock=lambda: clock)
    window = PromptWindow(service, prompt_drafts(journal.paths), day)
    window.resize(640, 720)
    window.show()
    answers = [
        "Reviewed Priya's CSV importer PR and paired on the date parsing.",
        "Dates without a zone need one policy, written down, before anyone parses them.",
    ]
    for question, text in zip(DEFAULT_SET.questions, answers, strict=False):
        window.editors[question].setPlainText(text)
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
