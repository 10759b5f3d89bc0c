"""The main window and what builds it: panes, actions, flows, Trash, start-up, single instance."""
