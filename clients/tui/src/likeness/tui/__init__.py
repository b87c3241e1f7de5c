"""likeness.tui: the Textual terminal app (label, chat, corpus, jobs, drafts); built in a later issue."""
