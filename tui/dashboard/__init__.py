"""The Textual dashboard: the app, its screens and widgets."""
