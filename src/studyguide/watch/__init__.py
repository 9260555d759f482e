"""``studyguide watch``: rebuild a guide's PDFs each time it is saved.

``watcher`` notices saves (by polling, and on Linux by ``notifier``'s inotify) and rebuilds;
``cache`` keeps reportlab's paragraph work across rebuilds; ``helper`` draws the handout in a
second process while the watcher draws the key.
"""
