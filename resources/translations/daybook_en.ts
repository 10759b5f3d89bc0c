<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EntryEditor</name>
    <message numerus="yes">
        <source>Words: %n</source>
        <translation>
            <numerusform>Words: %n</numerusform>
            <numerusform>Words: %n</numerusform>
        </translation>
    </message>
</context>
</TS>
