"""One module per screen (with its ``.tcss`` beside it): label, chat, corpus, jobs, drafts."""
