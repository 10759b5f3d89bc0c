<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>For the end-of-day reminder while Daybook is closed, turn on Settings &gt; Reminders &gt; Start Daybook when I log in.</source>
        <translation>Für die Erinnerung am Tagesende, während Daybook geschlossen ist, schalten Sie Einstellungen &gt; Erinnerungen &gt; Daybook bei der Anmeldung starten ein.</translation>
    </message>
    <message>
        <source>Write now</source>
        <translation>Jetzt schreiben</translation>
    </message>
    <message>
        <source>Snooze 15 min</source>
        <translation>In 15 Min. erinnern</translation>
    </message>
    <message>
        <source>Skip today</source>
        <translation>Heute überspringen</translation>
    </message>
    <message>
        <source>Unsaved Changes Found</source>
        <translation>Ungesicherte Änderungen gefunden</translation>
    </message>
    <message>
        <source>Daybook stopped before these changes were saved:</source>
        <translation>Daybook wurde beendet, bevor diese Änderungen gesichert waren:</translation>
    </message>
    <message>
        <source>Restore them into your journal?</source>
        <translation>In das Journal wiederherstellen?</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>Ungesicherte Änderungen gefunden</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>&amp;New Entry</source>
        <translation>&amp;Neuer Eintrag</translation>
    </message>
    <message>
        <source>New entry for today</source>
        <translation>Neuer Eintrag für heute</translation>
    </message>
    <message>
        <source>Write Today&apos;s &amp;Reflection…</source>
        <translation>Heutige &amp;Reflexion schreiben…</translation>
    </message>
    <message>
        <source>Answer today&apos;s questions</source>
        <translation>Die heutigen Fragen beantworten</translation>
    </message>
    <message>
        <source>New Entry for &amp;Another Day…</source>
        <translation>Neuer Eintrag für &amp;anderen Tag…</translation>
    </message>
    <message>
        <source>New entry for another day</source>
        <translation>Neuer Eintrag für einen anderen Tag</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import entries from another journal</source>
        <translation>Einträge aus einem anderen Journal importieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>Einträge exportieren</translation>
    </message>
    <message>
        <source>Export Se&amp;lected…</source>
        <translation>Aus&amp;wahl exportieren…</translation>
    </message>
    <message>
        <source>Export the selected entries</source>
        <translation>Die ausgewählten Einträge exportieren</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Export entries as a PDF document</source>
        <translation>Einträge als PDF-Dokument exportieren</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Dr&amp;ucken…</translation>
    </message>
    <message>
        <source>Print entries</source>
        <translation>Einträge drucken</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Daybook</source>
        <translation>Daybook beenden</translation>
    </message>
    <message>
        <source>&amp;Undo Move to Trash</source>
        <translation>&amp;Rückgängig: In den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Undo the last move to the Trash</source>
        <translation>Das letzte Verschieben in den Papierkorb rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Edit Entry</source>
        <translation>Eintrag &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation>Den Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Move to Trash</source>
        <translation>In den &amp;Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Move the entry to the Trash</source>
        <translation>Den Eintrag in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>Im Journal suchen</translation>
    </message>
    <message>
        <source>S&amp;hare with Team…</source>
        <translation>Mit dem &amp;Team teilen…</translation>
    </message>
    <message>
        <source>Share the selected entries with your team</source>
        <translation>Die ausgewählten Einträge mit Ihrem Team teilen</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Zu &amp;heute springen</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Go to &amp;Day…</source>
        <translation>Zu &amp;Tag springen…</translation>
    </message>
    <message>
        <source>Go to a day</source>
        <translation>Zu einem Tag springen</translation>
    </message>
    <message>
        <source>Show T&amp;rash</source>
        <translation>&amp;Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>Show the Trash</source>
        <translation>Den Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>Focus Time&amp;line</source>
        <translation>&amp;Zeitleiste fokussieren</translation>
    </message>
    <message>
        <source>Move the focus to the timeline</source>
        <translation>Den Fokus in die Zeitleiste setzen</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>&amp;Seitenleiste anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the sidebar</source>
        <translation>Die Seitenleiste ein- oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation>&amp;Auswertungen…</translation>
    </message>
    <message>
        <source>Heatmap, streaks, tag trends and the week&apos;s review</source>
        <translation>Heatmap, Serien, Schlagwort-Trends und Wochenrückblick</translation>
    </message>
    <message>
        <source>T&amp;eam…</source>
        <translation>T&amp;eam…</translation>
    </message>
    <message>
        <source>Everyone&apos;s shared entries and the team&apos;s week notes</source>
        <translation>Die geteilten Einträge aller und die Wochennotizen des Teams</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Die Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Suchsyntax</translation>
    </message>
    <message>
        <source>How to write a search</source>
        <translation>Wie man eine Suche formuliert</translation>
    </message>
    <message>
        <source>&amp;About Daybook</source>
        <translation>Ü&amp;ber Daybook</translation>
    </message>
    <message>
        <source>About Daybook</source>
        <translation>Über Daybook</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Entry menu</source>
        <translation>Eintragsmenü</translation>
    </message>
    <message>
        <source>Something went wrong inside Daybook: {0}</source>
        <translation>In Daybook ist ein Fehler aufgetreten: {0}</translation>
    </message>
    <message>
        <source>Your journal is unchanged by this. Please report the problem with the details below.</source>
        <translation>Ihr Journal ist davon nicht betroffen. Bitte melden Sie das Problem mit den Details unten.</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Journal Damaged</source>
        <translation>Journal beschädigt</translation>
    </message>
    <message>
        <source>Journal Problem</source>
        <translation>Problem mit dem Journal</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Cannot Do That</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Cannot Continue</source>
        <translation>Weiter nicht möglich</translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation>Die Details stehen auch im Protokoll: {0}</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <source>HTML page (*.html *.htm)</source>
        <translation>HTML-Seite (*.html *.htm)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export to File</source>
        <translation>In Datei exportieren</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export into Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>“{0}” already exists. Replace it?</source>
        <translation>„{0}“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Copied as Markdown and HTML</source>
        <translation>Als Markdown und HTML kopiert</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Wird kopiert…</translation>
    </message>
    <message>
        <source>Saving cancelled: no file was written</source>
        <translation>Speichern abgebrochen: keine Datei geschrieben</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Print Entries</source>
        <translation>Einträge drucken</translation>
    </message>
    <message>
        <source>{0} files already exist in “{1}”. Replace them?</source>
        <translation>{0} Dateien existieren bereits in „{1}“. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>The old contents will be lost.</source>
        <translation>Der alte Inhalt geht verloren.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Every matching entry is private. Tick “Include private entries” to export them.</source>
        <translation>Alle passenden Einträge sind privat. Kreuzen Sie „Private Einträge einbeziehen“ an, um sie zu exportieren.</translation>
    </message>
    <message>
        <source>No entries match. Widen the dates, tags or search.</source>
        <translation>Keine Einträge passen. Erweitern Sie Zeitraum, Schlagwörter oder Suche.</translation>
    </message>
    <message>
        <source>1 private entry</source>
        <translation>1 privater Eintrag</translation>
    </message>
    <message>
        <source>{0} private entries</source>
        <translation>{0} private Einträge</translation>
    </message>
    <message>
        <source>1 private block</source>
        <translation>1 privater Block</translation>
    </message>
    <message>
        <source>{0} private blocks</source>
        <translation>{0} private Blöcke</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>{0} included</source>
        <translation>{0} einbezogen</translation>
    </message>
    <message>
        <source>{0} left out</source>
        <translation>{0} ausgelassen</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} Bytes</translation>
    </message>
    <message>
        <source>{0:.0f} KB</source>
        <translation>{0:.0f} KB</translation>
    </message>
    <message>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <source>Day One (JSON export .zip or .json)</source>
        <translation>Day One (JSON-Export .zip oder .json)</translation>
    </message>
    <message>
        <source>Day One export (*.zip *.json)</source>
        <translation>Day-One-Export (*.zip *.json)</translation>
    </message>
    <message>
        <source>RedNotebook (data folder)</source>
        <translation>RedNotebook (Datenordner)</translation>
    </message>
    <message>
        <source>Markdown daily notes (Obsidian, Logseq)</source>
        <translation>Markdown-Tagesnotizen (Obsidian, Logseq)</translation>
    </message>
    <message>
        <source>jrnl (plain-text journal)</source>
        <translation>jrnl (Journal als Klartext)</translation>
    </message>
    <message>
        <source>jrnl journal (*.txt *.journal)</source>
        <translation>jrnl-Journal (*.txt *.journal)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation>JSON Lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Daybook JSON export</source>
        <translation>Daybook-JSON-Export</translation>
    </message>
    <message>
        <source>Daybook export (*.json)</source>
        <translation>Daybook-Export (*.json)</translation>
    </message>
    <message>
        <source>Import Entries</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File or folder to import</source>
        <translation>Zu importierende Datei oder Ordner</translation>
    </message>
    <message>
        <source>Choose a file or folder…</source>
        <translation>Datei oder Ordner wählen…</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Date pattern of the note names</source>
        <translation>Datumsmuster der Notiznamen</translation>
    </message>
    <message>
        <source>The date in the notes&apos; file names, e.g. %Y-%m-%d (Obsidian) or %Y_%m_%d (Logseq)</source>
        <translation>Das Datum in den Dateinamen der Notizen, z. B. %Y-%m-%d (Obsidian) oder %Y_%m_%d (Logseq)</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>Was der Import tun würde</translation>
    </message>
    <message>
        <source>Choose what to import to see what it holds.</source>
        <translation>Wählen Sie, was importiert werden soll, um den Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Aus:</translation>
    </message>
    <message>
        <source>&amp;Name pattern:</source>
        <translation>&amp;Namensmuster:</translation>
    </message>
    <message>
        <source>Import from Folder</source>
        <translation>Aus Ordner importieren</translation>
    </message>
    <message>
        <source>Import from File</source>
        <translation>Aus Datei importieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Importing Entries</source>
        <translation>Einträge werden importiert</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing was imported: the import stopped with an error.</source>
        <translation>Nichts wurde importiert: Der Import brach mit einem Fehler ab.</translation>
    </message>
    <message>
        <source>No entries found. Check the format and the file or folder.</source>
        <translation>Keine Einträge gefunden. Prüfen Sie das Format und die Datei bzw. den Ordner.</translation>
    </message>
    <message>
        <source> from {0} to {1}</source>
        <translation> vom {0} bis {1}</translation>
    </message>
    <message>
        <source>Would add {0}</source>
        <translation>Würde {0} hinzufügen</translation>
    </message>
    <message>
        <source>Added {0}</source>
        <translation>{0} hinzugefügt</translation>
    </message>
    <message>
        <source>1 entry found</source>
        <translation>1 Eintrag gefunden</translation>
    </message>
    <message>
        <source>{0} entries found</source>
        <translation>{0} Einträge gefunden</translation>
    </message>
    <message>
        <source>; {1} already in the journal.</source>
        <translation>; {1} bereits im Journal.</translation>
    </message>
    <message>
        <source>Tags: </source>
        <translation>Schlagwörter: </translation>
    </message>
    <message>
        <source>Not imported ({0}):</source>
        <translation>Nicht importiert ({0}):</translation>
    </message>
    <message>
        <source>  …and {0} more</source>
        <translation>  …und {0} weitere</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The journal is damaged</source>
        <translation>Das Journal ist beschädigt</translation>
    </message>
    <message>
        <source>Restored the backup of {0}; the damaged journal was moved to {1}</source>
        <translation>Sicherung vom {0} wiederhergestellt; das beschädigte Journal wurde nach {1} verschoben</translation>
    </message>
    <message>
        <source>. The backup was not encrypted: encrypt the journal again in Settings &gt; Security.</source>
        <translation>. Die Sicherung war nicht verschlüsselt: Verschlüsseln Sie das Journal wieder unter Einstellungen &gt; Sicherheit.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Die Sicherung wird geprüft…</translation>
    </message>
    <message>
        <source>Copying the backup…</source>
        <translation>Die Sicherung wird kopiert…</translation>
    </message>
    <message>
        <source>Moving the damaged journal aside…</source>
        <translation>Das beschädigte Journal wird beiseitegelegt…</translation>
    </message>
    <message>
        <source>Opening the restored journal…</source>
        <translation>Das wiederhergestellte Journal wird geöffnet…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Die Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: {0}</source>
        <translation>Die heutige Sicherung konnte nicht erstellt werden: {0}</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>Delete every entry in the Trash for ever?</source>
        <translation>Alle Einträge im Papierkorb endgültig löschen?</translation>
    </message>
    <message>
        <source>This cannot be undone. Their text is also wiped from the journal file.</source>
        <translation>Das kann nicht rückgängig gemacht werden. Ihr Text wird auch aus der Journaldatei getilgt.</translation>
    </message>
    <message>
        <source>“{0}” moved to the Trash</source>
        <translation>„{0}“ in den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>{0} moved to the Trash</source>
        <translation>{0} in den Papierkorb verschoben</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>“{0}” restored</source>
        <translation>„{0}“ wiederhergestellt</translation>
    </message>
    <message>
        <source>{0} restored</source>
        <translation>{0} wiederhergestellt</translation>
    </message>
    <message>
        <source>Hide T&amp;rash</source>
        <translation>&amp;Papierkorb ausblenden</translation>
    </message>
    <message>
        <source>Emptying the Trash…</source>
        <translation>Papierkorb wird geleert…</translation>
    </message>
    <message>
        <source>The Trash is empty ({0} entries deleted for ever)</source>
        <translation>Der Papierkorb ist leer ({0} Einträge endgültig gelöscht)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation>Das letzte Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>{0}th</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>{0}st</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>{0}nd</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>{0}rd</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>no entries</source>
        <translation>keine Einträge</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 Arbeitstag</translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation>{0} Arbeitstage</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved · streak: {0}</source>
        <translation>Gespeichert · Serie: {0}</translation>
    </message>
    <message>
        <source>{0} {1} {2} at {3}</source>
        <translation>{0}, {1}. {2} um {3}</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} Einträge</translation>
    </message>
    <message>
        <source>Your journal is damaged</source>
        <translation>Ihr Journal ist beschädigt</translation>
    </message>
    <message>
        <source>Part of the journal file can no longer be read, so Daybook has not opened it: working in a damaged journal can lose more. Nothing has been changed yet.</source>
        <translation>Ein Teil der Journaldatei ist nicht mehr lesbar, deshalb hat Daybook sie nicht geöffnet: Wer in einem beschädigten Journal weiterarbeitet, kann mehr verlieren. Bisher wurde nichts verändert.</translation>
    </message>
    <message>
        <source>SQLite reported: {0}</source>
        <translation>SQLite meldete: {0}</translation>
    </message>
    <message>
        <source>The newest good backup is from {0} and holds {1} (checked just now). Restore it? The damaged file is moved aside as {2}, not deleted: what was written after that backup stays in it.</source>
        <translation>Die neueste intakte Sicherung ist vom {0} und enthält {1} (soeben geprüft). Wiederherstellen? Die beschädigte Datei wird als {2} beiseitegelegt, nicht gelöscht: Was nach dieser Sicherung geschrieben wurde, bleibt darin erhalten.</translation>
    </message>
    <message>
        <source>Backup: {0}</source>
        <translation>Sicherung: {0}</translation>
    </message>
    <message>
        <source>Restore This Backup</source>
        <translation>Diese Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>Die neueste intakte Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>There is no good backup in {0}. The damaged file stays where it is, unchanged: {1}. Copy it somewhere safe before anything else; moving it away (with its -wal and -shm files) lets Daybook start a new journal.</source>
        <translation>In {0} gibt es keine intakte Sicherung. Die beschädigte Datei bleibt unverändert, wo sie ist: {1}. Kopieren Sie sie vor allem anderen an einen sicheren Ort; wird sie (mit ihren -wal- und -shm-Dateien) weggeräumt, beginnt Daybook ein neues Journal.</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Schlagwörter</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 Schlagwort</translation>
    </message>
    <message>
        <source>{0} tags</source>
        <translation>{0} Schlagwörter</translation>
    </message>
    <message>
        <source>Quit Without Saving?</source>
        <translation>Ohne Speichern beenden?</translation>
    </message>
    <message>
        <source>The last changes could not be saved.</source>
        <translation>Die letzten Änderungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>They are kept as a draft and offered back when Daybook starts again. Quit anyway?</source>
        <translation>Sie bleiben als Entwurf erhalten und werden beim nächsten Start von Daybook wieder angeboten. Trotzdem beenden?</translation>
    </message>
    <message>
        <source>Not done: {0}.</source>
        <translation>Nicht erledigt: {0}.</translation>
    </message>
    <message>
        <source>at {0} every day</source>
        <translation>täglich um {0}</translation>
    </message>
    <message>
        <source>at {0} on working days</source>
        <translation>an Arbeitstagen um {0}</translation>
    </message>
    <message>
        <source>at the times set in Settings</source>
        <translation>zu den in den Einstellungen festgelegten Zeiten</translation>
    </message>
    <message>
        <source>Remind me {0}</source>
        <translation>Mich {0} erinnern</translation>
    </message>
    <message>
        <source>Start Daybook when I log in</source>
        <translation>Daybook bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>This journal is in the temporary folder, so Daybook cannot start it when you log in: it may be gone by then. Use a journal in a lasting folder.</source>
        <translation>Dieses Journal liegt im temporären Ordner, daher kann Daybook es bei der Anmeldung nicht starten: Es könnte dann schon gelöscht sein. Verwenden Sie ein Journal in einem dauerhaften Ordner.</translation>
    </message>
    <message>
        <source>Done: Daybook starts in the tray when you log in and reminds you {0}.</source>
        <translation>Erledigt: Daybook startet bei der Anmeldung im Infobereich und erinnert Sie {0}.</translation>
    </message>
    <message>
        <source>Done: Daybook starts in the tray when you log in.</source>
        <translation>Erledigt: Daybook startet bei der Anmeldung im Infobereich.</translation>
    </message>
    <message>
        <source>Daybook</source>
        <translation>Daybook</translation>
    </message>
    <message>
        <source>Converting the journal</source>
        <translation>Das Journal wird umgewandelt</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Stopping… the journal is kept as it was unless it is already being replaced.</source>
        <translation>Wird angehalten… Das Journal bleibt, wie es war, sofern es nicht schon ersetzt wird.</translation>
    </message>
    <message>
        <source>Encrypt This Journal</source>
        <translation>Dieses Journal verschlüsseln</translation>
    </message>
    <message>
        <source>Change Passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>A forgotten passphrase means the journal cannot be read by anyone, you included: no one can recover it. Backups made from now on are encrypted with the same passphrase; older backups stay as they were.</source>
        <translation>Eine vergessene Passphrase bedeutet, dass niemand das Journal mehr lesen kann, auch Sie nicht: Niemand kann sie wiederherstellen. Ab jetzt erstellte Sicherungen werden mit derselben Passphrase verschlüsselt; ältere bleiben, wie sie waren.</translation>
    </message>
    <message>
        <source>&amp;Export a JSON Copy First…</source>
        <translation>Zuerst eine JSON-Kopie &amp;exportieren…</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Turn Encryption Off</source>
        <translation>Verschlüsselung ausschalten</translation>
    </message>
    <message>
        <source>Store the journal in plain again?</source>
        <translation>Das Journal wieder unverschlüsselt speichern?</translation>
    </message>
    <message>
        <source>Anyone with the file can then read it, and backups made from now on too.</source>
        <translation>Wer die Datei hat, kann es dann lesen, ebenso die ab jetzt erstellten Sicherungen.</translation>
    </message>
    <message>
        <source>Turn Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>What the last change did</source>
        <translation>Was die letzte Änderung bewirkt hat</translation>
    </message>
    <message>
        <source>&amp;Encrypt This Journal…</source>
        <translation>Dieses Journal &amp;verschlüsseln…</translation>
    </message>
    <message>
        <source>&amp;Change Passphrase…</source>
        <translation>Passphrase &amp;ändern…</translation>
    </message>
    <message>
        <source>&amp;Turn Encryption Off…</source>
        <translation>Verschlüsselung aus&amp;schalten…</translation>
    </message>
    <message>
        <source>The journal is encrypted (SQLCipher, AES-256).</source>
        <translation>Das Journal ist verschlüsselt (SQLCipher, AES-256).</translation>
    </message>
    <message>
        <source>The journal is not encrypted: anyone with the file can read it.</source>
        <translation>Das Journal ist nicht verschlüsselt: Wer die Datei hat, kann es lesen.</translation>
    </message>
    <message>
        <source>Turning encryption off: the journal is copied in plain and checked…</source>
        <translation>Verschlüsselung wird ausgeschaltet: Das Journal wird unverschlüsselt kopiert und geprüft…</translation>
    </message>
    <message>
        <source>Changing the passphrase: the journal is copied under the new key and checked…</source>
        <translation>Passphrase wird geändert: Das Journal wird mit dem neuen Schlüssel kopiert und geprüft…</translation>
    </message>
    <message>
        <source>Encrypting the journal: it is copied under the new key and checked…</source>
        <translation>Das Journal wird verschlüsselt: Es wird mit dem neuen Schlüssel kopiert und geprüft…</translation>
    </message>
    <message>
        <source>Cancelled: the journal was left as it was.</source>
        <translation>Abgebrochen: Das Journal ist unverändert geblieben.</translation>
    </message>
    <message>
        <source>Unlock Daybook</source>
        <translation>Daybook entsperren</translation>
    </message>
    <message>
        <source>Unlock the journal</source>
        <translation>Das Journal entsperren</translation>
    </message>
    <message>
        <source>The journal {0} is encrypted. Type its passphrase:</source>
        <translation>Das Journal {0} ist verschlüsselt. Geben Sie seine Passphrase ein:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Remember it in the system keyring</source>
        <translation>Im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Anyone who can log in as you can then open the journal without it.</source>
        <translation>Wer sich als Sie anmelden kann, öffnet das Journal dann ohne sie.</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Entsperrmeldung</translation>
    </message>
    <message>
        <source>Checking the passphrase</source>
        <translation>Passphrase wird geprüft</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Passphrase wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again in a moment.</source>
        <translation>Falsche Passphrase. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Falsche Passphrase. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>If you are sure of it, the journal may be damaged beyond checking it: quit and run `daybook restore --damaged FILE` with a backup (the journal is moved aside, not deleted).</source>
        <translation>Wenn Sie sich sicher sind, ist das Journal vielleicht zu beschädigt, um sie zu prüfen: Beenden Sie Daybook und führen Sie `daybook restore --damaged DATEI` mit einer Sicherung aus (das Journal wird beiseitegelegt, nicht gelöscht).</translation>
    </message>
    <message>
        <source>The word list cannot be saved: {0}</source>
        <translation>Die Wortliste lässt sich nicht speichern: {0}</translation>
    </message>
    <message>
        <source>Spell checking is off: the Enchant library is not installed (on Debian and Ubuntu: libenchant-2-2 and a hunspell dictionary).</source>
        <translation>Die Rechtschreibprüfung ist aus: Die Enchant-Bibliothek ist nicht installiert (unter Debian und Ubuntu: libenchant-2-2 und ein Hunspell-Wörterbuch).</translation>
    </message>
    <message>
        <source>Spell checking is off: the {0} dictionary cannot be opened.</source>
        <translation>Die Rechtschreibprüfung ist aus: Das Wörterbuch {0} lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>Spell checking is off: no dictionary for {0} is installed (on Debian and Ubuntu: a hunspell package such as hunspell-en-us).</source>
        <translation>Die Rechtschreibprüfung ist aus: Für {0} ist kein Wörterbuch installiert (unter Debian und Ubuntu: ein Hunspell-Paket wie hunspell-de-de).</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Search the team&apos;s entries</source>
        <translation>Die Einträge des Teams durchsuchen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Week Notes</source>
        <translation>&amp;Wochennotizen</translation>
    </message>
    <message>
        <source>What everyone learned this week, by person</source>
        <translation>Was alle diese Woche gelernt haben, nach Person</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Team server status</source>
        <translation>Zustand des Team-Servers</translation>
    </message>
    <message>
        <source>Shared entries</source>
        <translation>Geteilte Einträge</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>&amp;Mehr anzeigen</translation>
    </message>
    <message>
        <source>Team: {0}</source>
        <translation>Team: {0}</translation>
    </message>
    <message>
        <source>This machine has joined no team yet.</source>
        <translation>Dieser Rechner ist noch keinem Team beigetreten.</translation>
    </message>
    <message>
        <source>Ask your team&apos;s administrator for the team&apos;s URL, then run `daybook team join NAME URL` (see Share with your team in the README).</source>
        <translation>Fragen Sie die Administration Ihres Teams nach der URL des Teams und führen Sie dann `daybook team join NAME URL` aus (siehe „Share with your team“ im README).</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Asking the team server…</source>
        <translation>Frage den Team-Server…</translation>
    </message>
    <message>
        <source>Showing what was last received.</source>
        <translation>Angezeigt wird, was zuletzt empfangen wurde.</translation>
    </message>
    <message>
        <source>No shared entries match.</source>
        <translation>Keine geteilten Einträge passen.</translation>
    </message>
    <message>
        <source>Nobody has shared an entry with this team yet.</source>
        <translation>Noch niemand hat einen Eintrag mit diesem Team geteilt.</translation>
    </message>
    <message>
        <source>1 shared entry</source>
        <translation>1 geteilter Eintrag</translation>
    </message>
    <message>
        <source>{0} shared entries</source>
        <translation>{0} geteilte Einträge</translation>
    </message>
    <message>
        <source>(more below)</source>
        <translation>(weitere unten)</translation>
    </message>
    <message>
        <source>Team Week Notes: {0} to {1}</source>
        <translation>Wochennotizen des Teams: {0} bis {1}</translation>
    </message>
    <message>
        <source>Team week notes</source>
        <translation>Wochennotizen des Teams</translation>
    </message>
    <message>
        <source>Nobody shared what they learned that week.</source>
        <translation>In dieser Woche hat niemand geteilt, was er gelernt hat.</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Team outbox</source>
        <translation>Team-Postausgang</translation>
    </message>
    <message>
        <source>{0} queued to share with {1}</source>
        <translation>{0} zum Teilen mit {1} vorgemerkt</translation>
    </message>
    <message>
        <source>1 waiting to be shared</source>
        <translation>1 wartet aufs Teilen</translation>
    </message>
    <message>
        <source>{0} waiting to be shared</source>
        <translation>{0} warten aufs Teilen</translation>
    </message>
    <message>
        <source>next try at {0}</source>
        <translation>nächster Versuch um {0}</translation>
    </message>
    <message>
        <source>Share with Team</source>
        <translation>Mit dem Team teilen</translation>
    </message>
    <message>
        <source>Share with which team?</source>
        <translation>Mit welchem Team teilen?</translation>
    </message>
    <message>
        <source>Share {0} with {1}?</source>
        <translation>{0} mit {1} teilen?</translation>
    </message>
    <message>
        <source>Everyone in the team will read them. Private entries cannot be shared; private blocks stay on this machine.</source>
        <translation>Alle im Team werden sie lesen. Private Einträge können nicht geteilt werden; private Blöcke bleiben auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>This entry is now private, but {0} still holds its earlier copy.</source>
        <translation>Dieser Eintrag ist jetzt privat, aber {0} hat noch seine frühere Kopie.</translation>
    </message>
    <message>
        <source>Remove Team Copy</source>
        <translation>Team-Kopie entfernen</translation>
    </message>
    <message>
        <source>This entry is shared in {0}, which holds its earlier text.</source>
        <translation>Dieser Eintrag ist in {0} geteilt; dort liegt noch sein früherer Text.</translation>
    </message>
    <message>
        <source>Update Team Copy</source>
        <translation>Team-Kopie aktualisieren</translation>
    </message>
    <message>
        <source>Shared Entry Changed</source>
        <translation>Geteilter Eintrag geändert</translation>
    </message>
    <message>
        <source>Private blocks stay on this machine either way.</source>
        <translation>Private Blöcke bleiben in jedem Fall auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>{0} files · {1}</source>
        <translation>{0} Dateien · {1}</translation>
    </message>
    <message>
        <source>{0} with {1}</source>
        <translation>{0} mit {1}</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>{0} images</source>
        <translation>{0} Bilder</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Laying out the pages… {0}%</source>
        <translation>Seiten werden gesetzt… {0} %</translation>
    </message>
    <message>
        <source>Printing page {0} of {1}…</source>
        <translation>Seite {0} von {1} wird gedruckt…</translation>
    </message>
    <message>
        <source>Writing page {0} of {1}…</source>
        <translation>Seite {0} von {1} wird geschrieben…</translation>
    </message>
    <message>
        <source>Sent {0} to the printer</source>
        <translation>{0} an den Drucker gesendet</translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was sent to the printer</source>
        <translation>Drucken abgebrochen: nichts wurde an den Drucker gesendet</translation>
    </message>
    <message>
        <source>Printing cancelled after page {0} of {1}: the printer may still print those pages</source>
        <translation>Drucken nach Seite {0} von {1} abgebrochen: der Drucker druckt diese Seiten womöglich noch</translation>
    </message>
    <message>
        <source>[image not in the journal: {0}]</source>
        <translation>[Bild nicht im Journal: {0}]</translation>
    </message>
    <message>
        <source>[loading the image: {0}]</source>
        <translation>[Bild wird geladen: {0}]</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>Add “{0}” to Dictionary</source>
        <translation>„{0}“ zum Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Rechtschreibung</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Daybook</source>
        <translation>Über Daybook</translation>
    </message>
    <message>
        <source>Daybook icon</source>
        <translation>Daybook-Symbol</translation>
    </message>
    <message>
        <source>A journal for end-of-day work reflections.</source>
        <translation>Ein Journal für die Reflexion am Ende des Arbeitstags.</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>&amp;Open Data Folder</source>
        <translation>Datenordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Den Datenordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy these details as text</source>
        <translation>Diese Angaben als Text kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>What Daybook is doing</source>
        <translation>Was Daybook gerade tut</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
</context>
<context>
    <name>CatchUpDialog</name>
    <message>
        <source>Daybook — Catch Up</source>
        <translation>Daybook — Nachholen</translation>
    </message>
    <message>
        <source>Catch up on missed days</source>
        <translation>Verpasste Tage nachholen</translation>
    </message>
    <message>
        <source>1 working day without a reflection</source>
        <translation>1 Arbeitstag ohne Reflexion</translation>
    </message>
    <message>
        <source>{n} working days without a reflection</source>
        <translation>{n} Arbeitstage ohne Reflexion</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>A few lines now keep the record whole. Each reflection is dated to its own day.</source>
        <translation>Ein paar Zeilen jetzt halten die Aufzeichnung vollständig. Jede Reflexion erhält ihr eigenes Datum.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Write the reflection for {day}</source>
        <translation>Die Reflexion für {day} schreiben</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Close without catching up</source>
        <translation>Schließen, ohne nachzuholen</translation>
    </message>
    <message>
        <source>{day} — written</source>
        <translation>{day} — geschrieben</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>New Entry for a Day</source>
        <translation>Neuer Eintrag für einen Tag</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Einen Tag wählen</translation>
    </message>
    <message>
        <source>Which day do you want to write about?</source>
        <translation>Über welchen Tag möchten Sie schreiben?</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Entry editor</source>
        <translation>Eintragseditor</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Titel (optional)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>The day this entry reflects on</source>
        <translation>Der Tag, auf den sich dieser Eintrag bezieht</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Comma-separated tags; #tags in the text count too</source>
        <translation>Schlagwörter, durch Kommas getrennt; #Schlagwörter im Text zählen auch</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation>&amp;Privat</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Mark this entry as private</source>
        <translation>Diesen Eintrag als privat markieren</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Eintragstext</translation>
    </message>
    <message>
        <source>Markdown text of the entry</source>
        <translation>Markdown-Text des Eintrags</translation>
    </message>
    <message>
        <source>What did you work on today? What did you learn? What is worth sharing?

Markdown works here: # headings, **bold**, *italic*, `code`, [links](…), #tags.</source>
        <translation>Woran haben Sie heute gearbeitet? Was haben Sie gelernt? Was ist es wert, geteilt zu werden?

Markdown funktioniert hier: # Überschriften, **fett**, *kursiv*, `Code`, [Links](…), #Schlagwörter.</translation>
    </message>
    <message>
        <source>Word count</source>
        <translation>Wortzahl</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Restored the draft of {time}, not saved yet</source>
        <translation>Entwurf von {time} wiederhergestellt, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Empty — not saved; delete the entry to remove it</source>
        <translation>Leer — nicht gespeichert; löschen Sie den Eintrag, um ihn zu entfernen</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>Nicht gespeichert — {reason}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gespeichert {time}</translation>
    </message>
    <message>
        <source>Adding the image…</source>
        <translation>Bild wird hinzugefügt…</translation>
    </message>
    <message numerus="yes">
        <source>Words: %n</source>
        <translation>
            <numerusform>Wörter: %n</numerusform>
            <numerusform>Wörter: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryReader</name>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Private entry</source>
        <translation>Privater Eintrag</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>E&amp;dit</source>
        <translation>Bea&amp;rbeiten</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Edit this entry (Enter or Ctrl+E)</source>
        <translation>Diesen Eintrag bearbeiten (Eingabe oder Strg+E)</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>In den &amp;Papierkorb</translation>
    </message>
    <message>
        <source>Move entry to Trash</source>
        <translation>Eintrag in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>Wi&amp;ederherstellen</translation>
    </message>
    <message>
        <source>Restore entry from Trash</source>
        <translation>Eintrag aus dem Papierkorb wiederherstellen</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Eintragstext</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Kein Eintrag ausgewählt</translation>
    </message>
    <message>
        <source>Pick an entry on the left, or press Ctrl+N.</source>
        <translation>Wählen Sie links einen Eintrag oder drücken Sie Strg+N.</translation>
    </message>
    <message>
        <source>Show the whole entry ({0} KB)</source>
        <translation>Den ganzen Eintrag zeigen ({0} KB)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>In the Trash</source>
        <translation>Im Papierkorb</translation>
    </message>
    <message>
        <source>Shared in: {0}</source>
        <translation>Geteilt in: {0}</translation>
    </message>
    <message>
        <source>Waiting to be shared with: {0}</source>
        <translation>Wartet aufs Teilen mit: {0}</translation>
    </message>
    <message>
        <source>Private · left out of exports</source>
        <translation>Privat · wird nicht exportiert</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Selected Entries</source>
        <translation>Ausgewählte Einträge exportieren</translation>
    </message>
    <message>
        <source>Export Entries</source>
        <translation>Einträge exportieren</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Stop writing the PDF or printing</source>
        <translation>Schreiben des PDF oder Drucken abbrechen</translation>
    </message>
    <message>
        <source>Options and preview</source>
        <translation>Optionen und Vorschau</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy as Markdown and HTML, ready to paste</source>
        <translation>Als Markdown und HTML kopieren, bereit zum Einfügen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save to a file</source>
        <translation>In eine Datei speichern</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>Dru&amp;cken…</translation>
    </message>
    <message>
        <source>Print the chosen entries</source>
        <translation>Die gewählten Einträge drucken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Vorschau wird erstellt…</translation>
    </message>
    <message>
        <source>Preparing the whole export (from {0} entries)…</source>
        <translation>Der ganze Export wird vorbereitet (aus {0} Einträgen)…</translation>
    </message>
    <message>
        <source>Preparing the whole export: {0} entries rendered…</source>
        <translation>Der ganze Export wird vorbereitet: {0} Einträge aufbereitet…</translation>
    </message>
    <message>
        <source>The preview could not be built.</source>
        <translation>Die Vorschau konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A one-file-per-entry export cannot be copied; save it to a folder</source>
        <translation>Ein Export mit einer Datei pro Eintrag kann nicht kopiert werden; speichern Sie ihn in einen Ordner</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <source>Week notes (Markdown)</source>
        <translation>Wochennotizen (Markdown)</translation>
    </message>
    <message>
        <source>Week notes (HTML)</source>
        <translation>Wochennotizen (HTML)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Selected entries</source>
        <translation>Ausgewählte Einträge</translation>
    </message>
    <message>
        <source>1 selected entry</source>
        <translation>1 ausgewählter Eintrag</translation>
    </message>
    <message>
        <source>{0} selected entries</source>
        <translation>{0} ausgewählte Einträge</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Selected ({0})</source>
        <translation>Ausgewählt ({0})</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>Vom Tag</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>Bis Tag</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Tags (entries must have all of them)</source>
        <translation>Schlagwörter (Einträge müssen alle haben)</translation>
    </message>
    <message>
        <source>Any tag — or e.g. work, learning</source>
        <translation>Beliebig — oder z. B. arbeit, lernen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, -word</source>
        <translation>Wörter, &quot;eine Wendung&quot;, -wort</translation>
    </message>
    <message>
        <source>Include &amp;private entries</source>
        <translation>&amp;Private Einträge einbeziehen</translation>
    </message>
    <message>
        <source>Include private entries and blocks</source>
        <translation>Private Einträge und Blöcke einbeziehen</translation>
    </message>
    <message>
        <source>Private entries and ```private blocks stay out unless this is ticked</source>
        <translation>Private Einträge und ```private-Blöcke bleiben draußen, wenn dies nicht angekreuzt ist</translation>
    </message>
    <message>
        <source>Private parts left out</source>
        <translation>Ausgelassene private Teile</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>S&amp;uche:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Week notes gather the “what I learned” answers into one post</source>
        <translation>Wochennotizen fassen die Antworten auf „Was ich gelernt habe“ in einem Beitrag zusammen</translation>
    </message>
    <message>
        <source>YAML &amp;front matter</source>
        <translation>YAML-&amp;Front-Matter</translation>
    </message>
    <message>
        <source>Add YAML front matter</source>
        <translation>YAML-Front-Matter hinzufügen</translation>
    </message>
    <message>
        <source>One file per entry, into a fo&amp;lder</source>
        <translation>Eine Datei pro Eintrag, in einen &amp;Ordner</translation>
    </message>
    <message>
        <source>One file per entry, into a folder</source>
        <translation>Eine Datei pro Eintrag, in einen Ordner</translation>
    </message>
    <message>
        <source>Each entry on a ne&amp;w page</source>
        <translation>Jeder Eintrag auf einer neuen Sei&amp;te</translation>
    </message>
    <message>
        <source>Start each entry on a new page</source>
        <translation>Jeden Eintrag auf einer neuen Seite beginnen</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>Form&amp;at:</translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation>Was exportiert wird</translation>
    </message>
</context>
<context>
    <name>FirstRunCard</name>
    <message>
        <source>Reminder offer</source>
        <translation>Angebot einer Erinnerung</translation>
    </message>
    <message>
        <source>Never miss the end of the day</source>
        <translation>Den Tagesabschluss nie verpassen</translation>
    </message>
    <message>
        <source>Daybook can start quietly in the tray when you log in, so the reminder comes even when its window is closed. Change it any time in Settings &gt; Reminders.</source>
        <translation>Daybook kann bei der Anmeldung still im Infobereich starten, damit die Erinnerung auch bei geschlossenem Fenster kommt. Jederzeit änderbar unter Einstellungen &gt; Erinnerungen.</translation>
    </message>
    <message>
        <source>About the reminder offer</source>
        <translation>Über das Angebot einer Erinnerung</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Not now: do not offer this again</source>
        <translation>Nicht jetzt: nicht wieder anbieten</translation>
    </message>
    <message>
        <source>Reminder offer status</source>
        <translation>Status des Erinnerungsangebots</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Daybook Help</source>
        <translation>Daybook-Hilfe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Was sie tun</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>Suchsyntax</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+F). Every term must match; mix them freely.</source>
        <translation>Tippen Sie ins Suchfeld (Strg+F). Jeder Begriff muss passen; kombinieren Sie sie beliebig.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>To find</source>
        <translation>Findet</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Suchsyntax</translation>
    </message>
</context>
<context>
    <name>InsightsDialog</name>
    <message>
        <source>Insights</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <source>Insights pages</source>
        <translation>Seiten der Auswertungen</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Jahr</translation>
    </message>
    <message>
        <source>&amp;On This Day</source>
        <translation>&amp;An diesem Tag</translation>
    </message>
    <message>
        <source>&amp;Tag Trends</source>
        <translation>&amp;Schlagwort-Trends</translation>
    </message>
    <message>
        <source>&amp;Week Review</source>
        <translation>&amp;Wochenrückblick</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Vorheriges Jahr</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>Nächstes Jahr</translation>
    </message>
    <message>
        <source>Year shown</source>
        <translation>Angezeigtes Jahr</translation>
    </message>
    <message>
        <source>Click a day (or choose one with the arrow keys and Enter) to show it.</source>
        <translation>Klicken Sie auf einen Tag (oder wählen Sie ihn mit den Pfeiltasten und der Eingabetaste), um ihn anzuzeigen.</translation>
    </message>
    <message>
        <source>Entries per month</source>
        <translation>Einträge pro Monat</translation>
    </message>
    <message>
        <source>Entries from this day in earlier months and years</source>
        <translation>Einträge von diesem Tag in früheren Monaten und Jahren</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last {0} months</source>
        <translation>Letzte {0} Monate</translation>
    </message>
    <message>
        <source>Most used tags per month:</source>
        <translation>Häufigste Schlagwörter pro Monat:</translation>
    </message>
    <message>
        <source>Click a bar or a tag to show its entries in the timeline.</source>
        <translation>Klicken Sie auf einen Balken oder ein Schlagwort, um die Einträge in der Zeitleiste anzuzeigen.</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Angezeigte Woche</translation>
    </message>
    <message>
        <source>Week &amp;Notes…</source>
        <translation>Wochen&amp;notizen…</translation>
    </message>
    <message>
        <source>Export this week&apos;s notes</source>
        <translation>Die Notizen dieser Woche exportieren</translation>
    </message>
    <message>
        <source>The week&apos;s entries: learned and next</source>
        <translation>Die Einträge der Woche: Gelerntes und Nächstes</translation>
    </message>
    <message>
        <source>No reflections this week</source>
        <translation>Keine Reflexionen in dieser Woche</translation>
    </message>
    <message>
        <source>Write today&apos;s reflection (Ctrl+R) or an entry for another day (Ctrl+Shift+N), or look at another week with ◀ and ▶.</source>
        <translation>Schreiben Sie die heutige Reflexion (Strg+R) oder einen Eintrag für einen anderen Tag (Strg+Umschalt+N), oder sehen Sie sich mit ◀ und ▶ eine andere Woche an.</translation>
    </message>
    <message>
        <source>1 more tag</source>
        <translation>1 weiteres Schlagwort</translation>
    </message>
    <message>
        <source>{0} more tags</source>
        <translation>{0} weitere Schlagwörter</translation>
    </message>
    <message>
        <source>Hover a grey bar to see its tag.</source>
        <translation>Zeigen Sie auf einen grauen Balken, um sein Schlagwort zu sehen.</translation>
    </message>
    <message>
        <source>Private · not shown in the review</source>
        <translation>Privat · im Rückblick nicht angezeigt</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>Was ich gelernt habe</translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation>Was als Nächstes kommt</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 Arbeitstag</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Current streak</source>
        <translation>Aktuelle Serie</translation>
    </message>
    <message>
        <source>Longest streak</source>
        <translation>Längste Serie</translation>
    </message>
    <message>
        <source>Top tags</source>
        <translation>Häufigste Schlagwörter</translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation>{0} Arbeitstage</translation>
    </message>
    <message>
        <source>On the {0} of earlier months and years:</source>
        <translation>Am {0} früherer Monate und Jahre:</translation>
    </message>
    <message>
        <source>Nothing written on this day in earlier months or years yet.</source>
        <translation>An diesem Tag wurde in früheren Monaten oder Jahren noch nichts geschrieben.</translation>
    </message>
    <message>
        <source>Show entries tagged {0}</source>
        <translation>Einträge mit dem Schlagwort {0} anzeigen</translation>
    </message>
</context>
<context>
    <name>JournalCalendar</name>
    <message>
        <source>Calendar: days with entries are marked</source>
        <translation>Kalender: Tage mit Einträgen sind markiert</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Daybook</source>
        <translation>Daybook</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opening your journal…</source>
        <translation>Ihr Journal wird geöffnet…</translation>
    </message>
    <message>
        <source>Daybook — {0}</source>
        <translation>Daybook — {0}</translation>
    </message>
    <message>
        <source>The journal could not be read: it is damaged.
Quit and start Daybook again to restore a backup.</source>
        <translation>Das Journal konnte nicht gelesen werden: Es ist beschädigt.
Beenden Sie Daybook und starten Sie es neu, um eine Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Keine passenden Einträge.</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Noch keine Einträge.</translation>
    </message>
    <message>
        <source>No entries on or before {0}</source>
        <translation>Keine Einträge am oder vor dem {0}</translation>
    </message>
    <message>
        <source>Nothing on {0}; showing the day before it with an entry</source>
        <translation>Nichts am {0}; der letzte Tag davor mit einem Eintrag wird angezeigt</translation>
    </message>
    <message>
        <source>Streak: {n}</source>
        <translation>Serie: {n}</translation>
    </message>
    <message>
        <source>Working days in a row with a reflection; longest: {n}</source>
        <translation>Arbeitstage in Folge mit einer Reflexion; längste Serie: {n}</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>&amp;Bild einfügen…</translation>
    </message>
</context>
<context>
    <name>MonthBars</name>
    <message>
        <source>Entries per month</source>
        <translation>Einträge pro Monat</translation>
    </message>
    <message>
        <source>Most entries in {0}: {1}</source>
        <translation>Die meisten Einträge im {0}: {1}</translation>
    </message>
    <message>
        <source>No entries in {0}</source>
        <translation>Keine Einträge in {0}</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview pane</source>
        <translation>Vorschaubereich</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorschau&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Preview heading</source>
        <translation>Vorschau-Überschrift</translation>
    </message>
    <message>
        <source>Show HTML so&amp;urce</source>
        <translation>HTML-&amp;Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Show the HTML source</source>
        <translation>Den HTML-Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Preview of the text to be written</source>
        <translation>Vorschau des zu schreibenden Texts</translation>
    </message>
    <message>
        <source>Preview of the HTML page</source>
        <translation>Vorschau der HTML-Seite</translation>
    </message>
    <message>
        <source>Why there is nothing to preview</source>
        <translation>Warum es nichts zu sehen gibt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>A simplified rendering: the saved page brings its own styles for light and dark screens and for print.</source>
        <translation>Eine vereinfachte Darstellung: Die gespeicherte Seite bringt eigene Stile für helle und dunkle Bildschirme und für den Druck mit.</translation>
    </message>
    <message>
        <source>About the HTML preview</source>
        <translation>Zur HTML-Vorschau</translation>
    </message>
    <message>
        <source>Private · included in this export</source>
        <translation>Privat · in diesem Export enthalten</translation>
    </message>
    <message>
        <source>The first entries, in a simplified rendering: the saved page holds them all, with its own styles for light and dark screens and for print.</source>
        <translation>Die ersten Einträge in vereinfachter Darstellung: Die gespeicherte Seite enthält alle, mit eigenen Stilen für helle und dunkle Bildschirme und für den Druck.</translation>
    </message>
    <message>
        <source>The first {0} of {1}: Save and Copy write the whole export.</source>
        <translation>Die ersten {0} von {1}: Speichern und Kopieren schreiben den ganzen Export.</translation>
    </message>
</context>
<context>
    <name>PromptForm</name>
    <message>
        <source>Daybook — Reflection for {day}</source>
        <translation>Daybook — Reflexion für {day}</translation>
    </message>
    <message>
        <source>End-of-day reflection</source>
        <translation>Reflexion zum Tagesende</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Catching up: this reflection is dated to its own day</source>
        <translation>Nachholen: Diese Reflexion erhält das Datum ihres Tages</translation>
    </message>
    <message>
        <source>A few sentences are enough. Tab moves to the next question.</source>
        <translation>Ein paar Sätze genügen. Tab führt zur nächsten Frage.</translation>
    </message>
    <message>
        <source>About this reflection</source>
        <translation>Zu dieser Reflexion</translation>
    </message>
    <message>
        <source>What you planned last time</source>
        <translation>Was Sie beim letzten Mal geplant haben</translation>
    </message>
    <message>
        <source>Write anything</source>
        <translation>Schreiben Sie, was Sie möchten</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation>&amp;Privat</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Private entries are never exported</source>
        <translation>Private Einträge werden nie exportiert</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc snoozes 15 min</source>
        <translation>Strg+Eingabe speichert · Esc erinnert in 15 Min. erneut</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc closes, keeping the draft</source>
        <translation>Strg+Eingabe speichert · Esc schließt und behält den Entwurf</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später erinnern</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Speichern und schließen</translation>
    </message>
    <message>
        <source>Start a streak today</source>
        <translation>Beginnen Sie heute eine Serie</translation>
    </message>
    <message>
        <source>Streak: {0}</source>
        <translation>Serie: {0}</translation>
    </message>
    <message>
        <source>Working days in a row with a reflection; the longest run: {n}</source>
        <translation>Arbeitstage in Folge mit einer Reflexion; die längste Serie: {n}</translation>
    </message>
    <message>
        <source>Yesterday you planned:</source>
        <translation>Gestern geplant:</translation>
    </message>
    <message>
        <source>Last time you planned:</source>
        <translation>Beim letzten Mal geplant:</translation>
    </message>
</context>
<context>
    <name>PromptWindow</name>
    <message>
        <source>Adding to the reflection written at {time}</source>
        <translation>Ergänzung zur Reflexion von {time}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Restored your draft of {time}</source>
        <translation>Ihr Entwurf von {time} wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>Adding the image…</source>
        <translation>Bild wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Image not added — {0}</source>
        <translation>Bild nicht hinzugefügt — {0}</translation>
    </message>
    <message>
        <source>Draft not written: {0}</source>
        <translation>Entwurf nicht geschrieben: {0}</translation>
    </message>
    <message>
        <source>Opening the journal…</source>
        <translation>Das Journal wird geöffnet…</translation>
    </message>
    <message>
        <source>Nothing to save yet: answer a question, or press Esc</source>
        <translation>Noch nichts zu speichern: Beantworten Sie eine Frage oder drücken Sie Esc</translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation>Nicht gespeichert — {0}</translation>
    </message>
</context>
<context>
    <name>QuestionSetDialog</name>
    <message>
        <source>Question Set</source>
        <translation>Fragensatz</translation>
    </message>
    <message>
        <source>Question set</source>
        <translation>Fragensatz</translation>
    </message>
    <message>
        <source>Name of the set</source>
        <translation>Name des Satzes</translation>
    </message>
    <message>
        <source>Built-in sets keep their name; Reset undoes edits</source>
        <translation>Eingebaute Sätze behalten ihren Namen; Zurücksetzen macht Änderungen rückgängig</translation>
    </message>
    <message>
        <source>Questions, one a line</source>
        <translation>Fragen, eine pro Zeile</translation>
    </message>
    <message>
        <source>One question a line; none for a blank page</source>
        <translation>Eine Frage pro Zeile; keine für eine leere Seite</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Fragen:</translation>
    </message>
</context>
<context>
    <name>ReminderDesk</name>
    <message>
        <source>Daybook is still running</source>
        <translation>Daybook läuft weiter</translation>
    </message>
    <message>
        <source>Reminders stay on while Daybook is in the tray. To stop them, choose Quit in the tray menu.</source>
        <translation>Erinnerungen bleiben aktiv, solange Daybook im Infobereich ist. Um sie zu beenden, wählen Sie „Beenden“ im Menü des Infobereichs.</translation>
    </message>
    <message>
        <source>Time for today&apos;s reflection</source>
        <translation>Zeit für die heutige Reflexion</translation>
    </message>
    <message>
        <source>Daybook&apos;s questions are open in their own window.</source>
        <translation>Die Fragen von Daybook sind in einem eigenen Fenster geöffnet.</translation>
    </message>
    <message>
        <source>A few short questions about {day}.</source>
        <translation>Ein paar kurze Fragen zum {day}.</translation>
    </message>
    <message>
        <source>Reflection saved</source>
        <translation>Reflexion gespeichert</translation>
    </message>
</context>
<context>
    <name>ReminderLoop</name>
    <message>
        <source>Next reminder: {when}</source>
        <translation>Nächste Erinnerung: {when}</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <source>Remind on {day}</source>
        <translation>Am {day} erinnern</translation>
    </message>
    <message>
        <source>Reminder time on {day}</source>
        <translation>Erinnerungszeit am {day}</translation>
    </message>
    <message>
        <source>Day boundary</source>
        <translation>Tagesgrenze</translation>
    </message>
    <message>
        <source>Writing before this time counts for the day before (a late night)</source>
        <translation>Was vor dieser Uhrzeit geschrieben wird, zählt für den Vortag (ein langer Abend)</translation>
    </message>
    <message>
        <source>Question set</source>
        <translation>Fragensatz</translation>
    </message>
    <message>
        <source>The questions of the set</source>
        <translation>Die Fragen des Satzes</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the question set</source>
        <translation>Den Fragensatz bearbeiten</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>New question set</source>
        <translation>Neuer Fragensatz</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete or reset the question set</source>
        <translation>Den Fragensatz löschen oder zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Start Daybook when I log in</source>
        <translation>Daybook bei der Anmeldung &amp;starten</translation>
    </message>
    <message>
        <source>Start Daybook when I log in</source>
        <translation>Daybook bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>This journal is in a temporary folder: it is not started on login</source>
        <translation>Dieses Journal liegt in einem temporären Ordner: Es wird bei der Anmeldung nicht gestartet</translation>
    </message>
    <message>
        <source>Opens this journal in the tray when you log in, so the end-of-day reminder can come; without it, reminders come only while Daybook runs</source>
        <translation>Öffnet dieses Journal bei der Anmeldung im Infobereich, damit die Erinnerung am Tagesende kommen kann; ohne diese Option kommen Erinnerungen nur, während Daybook läuft</translation>
    </message>
    <message>
        <source>Open the questions at reminder &amp;time</source>
        <translation>Fragen zur Erinnerungszeit &amp;öffnen</translation>
    </message>
    <message>
        <source>Open the questions at reminder time</source>
        <translation>Fragen zur Erinnerungszeit öffnen</translation>
    </message>
    <message>
        <source>The questions&apos; window appears with the notification, without taking the keyboard from what you are typing in</source>
        <translation>Das Fenster mit den Fragen erscheint mit der Benachrichtigung, ohne Ihnen die Tastatur beim Tippen wegzunehmen</translation>
    </message>
    <message>
        <source>Remind me:</source>
        <translation>Erinnern:</translation>
    </message>
    <message>
        <source>Day ends &amp;at:</source>
        <translation>Tag &amp;endet um:</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Fragen:</translation>
    </message>
    <message>
        <source>A blank page, no questions</source>
        <translation>Eine leere Seite, keine Fragen</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search  (Ctrl+F)</source>
        <translation>Suchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, -word, tag:name, from:2026-01, to:2026-03</source>
        <translation>Wörter, &quot;eine Wendung&quot;, -wort, tag:name, from:2026-01, to:2026-03</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation>Anzahl der Ergebnisse</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>1 entry found</source>
        <translation>1 Eintrag gefunden</translation>
    </message>
    <message>
        <source>{0} entries found, the newest {1} shown</source>
        <translation>{0} Einträge gefunden, die neuesten {1} angezeigt</translation>
    </message>
    <message>
        <source>{0} entries found</source>
        <translation>{0} Einträge gefunden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s light or dark mode</source>
        <translation>System folgt dem hellen oder dunklen Modus des Desktops</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect when Daybook is next started.</source>
        <translation>Wirkt beim nächsten Start von Daybook.</translation>
    </message>
    <message>
        <source>Use the desktop &amp;font</source>
        <translation>&amp;Schrift des Desktops verwenden</translation>
    </message>
    <message>
        <source>Use the desktop font</source>
        <translation>Schrift des Desktops verwenden</translation>
    </message>
    <message>
        <source>Interface font</source>
        <translation>Schrift der Oberfläche</translation>
    </message>
    <message>
        <source>Use the desktop&apos;s te&amp;xt font</source>
        <translation>Te&amp;xtschrift des Desktops verwenden</translation>
    </message>
    <message>
        <source>Use the desktop&apos;s text font</source>
        <translation>Textschrift des Desktops verwenden</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Schrift des Editors</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Interface font:</source>
        <translation>&amp;Oberfläche:</translation>
    </message>
    <message>
        <source>&amp;Editor font:</source>
        <translation>&amp;Editor:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>S&amp;pelling:</source>
        <translation>Rechtschrei&amp;bung:</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>Spell checking language</source>
        <translation>Sprache der Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>System language ({0})</source>
        <translation>Systemsprache ({0})</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (nicht installiert)</translation>
    </message>
    <message>
        <source>Spell checking note</source>
        <translation>Hinweis zur Rechtschreibprüfung</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sidebar</source>
        <translation>Seitenleiste</translation>
    </message>
    <message>
        <source>New Entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>New entry for today</source>
        <translation>Neuer Eintrag für heute</translation>
    </message>
    <message>
        <source>Write today&apos;s reflection (Ctrl+N)</source>
        <translation>Die heutige Reflexion schreiben (Strg+N)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Show the Trash</source>
        <translation>Den Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>Journal statistics</source>
        <translation>Journalstatistik</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Tags heading</source>
        <translation>Überschrift Schlagwörter</translation>
    </message>
    <message>
        <source>Tags: choose one to show its entries</source>
        <translation>Schlagwörter: eines wählen, um seine Einträge anzuzeigen</translation>
    </message>
    <message>
        <source>On This Day</source>
        <translation>An diesem Tag</translation>
    </message>
    <message>
        <source>On this day heading</source>
        <translation>Überschrift An diesem Tag</translation>
    </message>
    <message>
        <source>On this day: entries from the same day in earlier months and years</source>
        <translation>An diesem Tag: Einträge vom selben Tag in früheren Monaten und Jahren</translation>
    </message>
</context>
<context>
    <name>TagTrendChart</name>
    <message>
        <source>Tag trends: the most used tags per month</source>
        <translation>Schlagwort-Trends: die häufigsten Schlagwörter pro Monat</translation>
    </message>
    <message>
        <source>No tagged entries in this period</source>
        <translation>Keine verschlagworteten Einträge in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>#{0} in {1}: {2}</source>
        <translation>#{0} im {1}: {2}</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <source>tags: {0}</source>
        <translation>Schlagwörter: {0}</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trash&lt;/b&gt;</source>
        <translation>&lt;b&gt;Papierkorb&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Trash heading</source>
        <translation>Überschrift Papierkorb</translation>
    </message>
    <message>
        <source>About the Trash</source>
        <translation>Zum Papierkorb</translation>
    </message>
    <message>
        <source>Entries in the Trash</source>
        <translation>Einträge im Papierkorb</translation>
    </message>
    <message>
        <source>← Journal</source>
        <translation>← Journal</translation>
    </message>
    <message>
        <source>Back to the journal</source>
        <translation>Zurück zum Journal</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the selected entry</source>
        <translation>Den ausgewählten Eintrag wiederherstellen</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
    <message>
        <source>Empty the Trash</source>
        <translation>Den Papierkorb leeren</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>{0} deleted entries. They stay here until you empty the Trash.</source>
        <translation>{0} gelöschte Einträge. Sie bleiben hier, bis Sie den Papierkorb leeren.</translation>
    </message>
    <message>
        <source>1 deleted entry. It stays here until you empty the Trash.</source>
        <translation>1 gelöschter Eintrag. Er bleibt hier, bis Sie den Papierkorb leeren.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Daybook</source>
        <translation>Daybook</translation>
    </message>
    <message>
        <source>Today&apos;s reflection is waiting</source>
        <translation>Die heutige Reflexion wartet</translation>
    </message>
    <message>
        <source>Time for today&apos;s reflection</source>
        <translation>Zeit für die heutige Reflexion</translation>
    </message>
    <message>
        <source>A few short questions about {day}. Click here or use the tray menu.</source>
        <translation>Ein paar kurze Fragen zum {day}. Klicken Sie hier oder nutzen Sie das Menü im Infobereich.</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Daybook tray menu</source>
        <translation>Daybook-Menü im Infobereich</translation>
    </message>
    <message>
        <source>&amp;Write Today&apos;s Reflection…</source>
        <translation>Heutige &amp;Reflexion schreiben…</translation>
    </message>
    <message>
        <source>Snooze &amp;15 min</source>
        <translation>In &amp;15 Min. erinnern</translation>
    </message>
    <message>
        <source>Snooze 1 &amp;h</source>
        <translation>In 1 &amp;Std. erinnern</translation>
    </message>
    <message>
        <source>&amp;Skip Today</source>
        <translation>Heute ü&amp;berspringen</translation>
    </message>
    <message>
        <source>&amp;Open Daybook</source>
        <translation>Daybook ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Add to Today&apos;s Reflection…</source>
        <translation>Heutige Reflexion &amp;ergänzen…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Your journal is waiting for its first reflection</source>
        <translation>Ihr Journal wartet auf seine erste Reflexion</translation>
    </message>
    <message>
        <source>Welcome heading</source>
        <translation>Willkommensüberschrift</translation>
    </message>
    <message>
        <source>At the end of the day, take five minutes: what did you work on, what did you learn, and what comes next? A few sentences a day add up to a record of how you grow.</source>
        <translation>Nehmen Sie sich am Ende des Tages fünf Minuten: Woran haben Sie gearbeitet, was haben Sie gelernt, was kommt als Nächstes? Ein paar Sätze am Tag ergeben mit der Zeit ein Bild davon, wie Sie wachsen.</translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation>Willkommenstext</translation>
    </message>
    <message>
        <source>Write Today&apos;s Reflection</source>
        <translation>Heutige Reflexion schreiben</translation>
    </message>
    <message>
        <source>Write today&apos;s reflection</source>
        <translation>Die heutige Reflexion schreiben</translation>
    </message>
    <message>
        <source>or press {0}</source>
        <translation>oder {0} drücken</translation>
    </message>
    <message>
        <source>Shortcut for today&apos;s reflection</source>
        <translation>Tastenkürzel für die heutige Reflexion</translation>
    </message>
    <message>
        <source>Import an Existing Journal…</source>
        <translation>Vorhandenes Journal importieren…</translation>
    </message>
    <message>
        <source>Import an existing journal</source>
        <translation>Ein vorhandenes Journal importieren</translation>
    </message>
    <message>
        <source>Day One, jrnl, RedNotebook, Markdown files or a Daybook export</source>
        <translation>Day One, jrnl, RedNotebook, Markdown-Dateien oder ein Daybook-Export</translation>
    </message>
    <message>
        <source>Everything stays on this computer, in {0}</source>
        <translation>Alles bleibt auf diesem Computer, in {0}</translation>
    </message>
    <message>
        <source>Where your journal is kept</source>
        <translation>Wo Ihr Journal liegt</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Exported {0} to {1}</source>
        <translation>{0} nach {1} exportiert</translation>
    </message>
    <message>
        <source>Imported {0} ({1} already in the journal)</source>
        <translation>{0} importiert ({1} bereits im Journal)</translation>
    </message>
</context>
<context>
    <name>YearHeatmap</name>
    <message>
        <source>Year heatmap: days with entries</source>
        <translation>Jahres-Heatmap: Tage mit Einträgen</translation>
    </message>
    <message>
        <source>Year heatmap: 1 day with entries in {1}</source>
        <translation>Jahres-Heatmap: 1 Tag mit Einträgen in {1}</translation>
    </message>
    <message>
        <source>Year heatmap: {0} days with entries in {1}</source>
        <translation>Jahres-Heatmap: {0} Tage mit Einträgen in {1}</translation>
    </message>
</context>
</TS>
