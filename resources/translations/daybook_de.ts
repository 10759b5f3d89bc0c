<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Unsaved Changes Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daybook stopped before these changes were saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore them into your journal?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Today&apos;s &amp;Reflection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer today&apos;s questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Entry for &amp;Another Day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry for another day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import entries from another journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Se&amp;lected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last move to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the entry to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show T&amp;rash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus Time&amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the focus to the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmap, streaks, tag trends and the week&apos;s review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to write a search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Daybook: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is unchanged by this. Please report the problem with the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} files already exist in “{1}”. Replace them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old contents will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every matching entry is private. Tick “Include private entries” to export them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match. Widen the dates, tags or search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 private entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} private entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 private block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} private blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.0f} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File or folder to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file or folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date pattern of the note names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date in the notes&apos; file names, e.g. %Y-%m-%d (Obsidian) or %Y_%m_%d (Logseq)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to import to see what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries found. Check the format and the file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> from {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {1} already in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported ({0}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  …and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest good backup is {0}. Restore it? The damaged journal is moved aside, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {0}; the damaged journal was moved to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every entry in the Trash for ever?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone. Their text is also wiped from the journal file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” moved to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} moved to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide T&amp;rash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emptying the Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash is empty ({0} entries deleted for ever)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}rd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daybook icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A journal for end-of-day work reflections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these details as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Daybook is doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatchUpDialog</name>
    <message>
        <source>Daybook — Catch Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch up on missed days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day without a reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} working days without a reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few lines now keep the record whole. Each reflection is dated to its own day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reflection for {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} — written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>New Entry for a Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which day do you want to write about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Entry editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day this entry reflects on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated tags; #tags in the text count too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this entry as private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown text of the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you work on today? What did you learn? What is worth sharing?

Markdown works here: # headings, **bold**, *italic*, `code`, [links](…), #tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the draft of {time}, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Words: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryReader</name>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this entry (Enter or Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move entry to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore entry from Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an entry on the left, or press Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private · left out of exports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Selected Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options and preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown and HTML, ready to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the whole export (from {0} entries)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the whole export: {0} entries rendered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-file-per-entry export cannot be copied; save it to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied as Markdown and HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Export options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags (entries must have all of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag — or e.g. work, learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, -word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;private entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include private entries and blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private entries and ```private blocks stay out unless this is ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private parts left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week notes (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week notes (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week notes gather the “what I learned” answers into one post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML &amp;front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add YAML front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file per entry, into a fo&amp;lder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file per entry, into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Daybook Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+F). Every term must match; mix them freely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightsDialog</name>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;On This Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Week Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current streak:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest streak:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a day (or choose one with the arrow keys and Enter) to show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries from this day in earlier months and years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last {0} months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most used tags per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar or a tag to show its entries in the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week &amp;Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this week&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week&apos;s entries: learned and next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the {0} of earlier months and years:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing written on this day in earlier months or years yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries tagged {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalCalendar</name>
    <message>
        <source>Calendar: days with entries are marked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daybook — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries yet.
Press Ctrl+N to write one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries on or before {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on {0}; showing the day before it with an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} ({1} already in the journal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days in a row with a reflection; longest: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last changes could not be saved. They are kept as a draft and offered back when Daybook starts again. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show HTML so&amp;urce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the HTML source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the text to be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why there is nothing to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A simplified rendering: the saved page brings its own styles for light and dark screens and for print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the HTML preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first entries, in a simplified rendering: the saved page holds them all, with its own styles for light and dark screens and for print.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptWindow</name>
    <message>
        <source>Daybook — Reflection for {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-day reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days in a row with a reflection; the longest run: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding to the reflection written at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catching up: this reflection is dated to its own day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few sentences are enough. Tab moves to the next question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you planned last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday you planned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last time you planned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private entries are never exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc snoozes 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc closes, keeping the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your draft of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a streak today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: 1 working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: {n} working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save yet: answer a question, or press Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionSetDialog</name>
    <message>
        <source>Question Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sets keep their name; Reset undoes edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One question a line; none for a blank page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderDesk</name>
    <message>
        <source>Daybook is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders stay on while Daybook is in the tray. To stop them, choose Quit in the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for today&apos;s reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daybook&apos;s questions are open in their own window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderLoop</name>
    <message>
        <source>Next reminder: {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <source>Remind on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder time on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing before this time counts for the day before (a late night)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions of the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the question set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete or reset the question set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Daybook on login (in the tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it, reminders come only while Daybook is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day ends &amp;at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A blank page, no questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, -word, tag:name, from:2026-01, to:2026-03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries found, the newest {1} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s light or dark mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when Daybook is next started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the desktop &amp;font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the desktop font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the desktop fi&amp;xed-width font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the desktop fixed-width font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Editor font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write today&apos;s reflection (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: choose one to show its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On This Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this day heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this day: entries from the same day in earlier months and years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagTrendChart</name>
    <message>
        <source>Tag trends: the most used tags per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tagged entries in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{0} in {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Trash&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N{LEFTWARDS ARROW} Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} deleted entries. They stay here until you empty the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 deleted entry. It stays here until you empty the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for today&apos;s reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few short questions about {day}. Click here or use the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Daybook tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write Today&apos;s Reflection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze &amp;15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 1 &amp;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Daybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to Today&apos;s Reflection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is waiting for its first reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of the day, take five minutes: what did you work on, what did you learn, and what comes next? A few sentences a day add up to a record of how you grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Today&apos;s Reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write today&apos;s reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this computer, in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your journal is kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearHeatmap</name>
    <message>
        <source>Year heatmap: days with entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year heatmap: 1 day with entries in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year heatmap: {0} days with entries in {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
