"""``studyguide watch``: rebuild a guide's PDFs each time it is saved.

``watcher`` notices saves (by polling, and on Linux by ``notifier``'s inotify) and rebuilds in one
warm process; ``cache`` keeps reportlab's paragraph work across rebuilds.
"""
