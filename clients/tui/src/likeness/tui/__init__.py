"""likeness terminal app: label, chat, corpus, jobs and drafts, by keyboard; also in a browser.

    likeness tui [--server HOST:PORT …] [--persona SLUG]      # or: python -m likeness.tui
    likeness tui --web [--port 8566]                           # the same app, served to a browser

It talks to the services only through their gRPC clients (``likeness.tui.services``); with no
server named they start in this process on loopback.
"""
