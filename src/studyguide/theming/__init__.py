"""The look of a guide, in data-flow order: ``themefiles`` finds, reads and merges theme files;
``themecheck`` holds what a theme file may say and checks each one (neither imports reportlab);
``styles`` makes a checked theme into a :class:`~.styles.Theme` and reportlab paragraph styles,
and makes the large-print and readable editions; ``fonts`` registers the bundled and a theme's
own fonts and finds a font for each character.

The bundled data stay where they were, in ``studyguide/themes/*.yaml`` and ``studyguide/fonts/``:
they are package data that the packaging, the benchmark's floor and the font work name by path.
"""
