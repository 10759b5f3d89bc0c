"""The main window and what builds it: panes, actions, controllers, start-up, one instance."""
