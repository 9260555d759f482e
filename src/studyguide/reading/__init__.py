"""Reading a guide: bytes → YAML nodes with positions → a checked :class:`~studyguide.model.Guide`.

In data-flow order: ``loader`` (bytes → nodes, with every line and column; when YAML cannot be read,
``syntax`` scans the text line by line for every layout mistake; ``misread`` names a newcomer's slips
YAML reads as something else, such as a word processor's '–' for a '- '), ``walker`` (the shape
checks and message helpers every checked file shares), ``schema`` (nodes → Guide, with the guide's
key tables and its defaults file), ``questions`` (the eight question types; ``slips`` names slips in
their text, such as letters typed before choices) and ``editor_schema``
(the same tables as a JSON Schema for editors). Nothing here imports reportlab or layout code:
``studyguide validate`` stays light.
"""
