"""The raw -> clean build. Run ``python -m kzict.build``; see :mod:`kzict.build.run`."""
