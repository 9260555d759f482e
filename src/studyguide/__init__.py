"""studyguide: one YAML file per study guide → printable student handout and answer key."""

__version__ = "0.1.0"
