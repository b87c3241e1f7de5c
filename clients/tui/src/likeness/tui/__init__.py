"""likeness.tui: the Textual terminal app (label, chat, corpus, jobs, drafts).

Built in a later issue.
"""
